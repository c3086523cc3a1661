#!/usr/bin/env node
// Links that editors wrote cannot run script (issue 14, S1), in headless Chromium:
//
//   node tests/browser/links.mjs <built-site-folder> <page-path>...
//
// Serves the folder on a free loopback port. First a control page, made here and not by plein,
// whose links are the spellings of `javascript:` that ran from front matter before it was
// checked: clicking each must open an alert, or this test could not see script run at all.
// Then, on each page given, every link in <main>:
//   - its href, as Chromium's own URL parser reads it, has the scheme http, https, mailto or
//     tel, or is no URL at all;
//   - clicking it opens no dialog and leaves no script-made mark on the page.
// Exit 0 when all hold, 1 with what failed, 2 when it cannot run.

import { fail, launchChromium } from "./chromium.mjs";
import { serveFolder } from "./serve-folder.mjs";

/** Schemes a link may have; ":" is what Chromium reports for an href it cannot parse at all
 * (such as `https:javascript:alert(1)`), which goes nowhere. */
const ALLOWED = new Set(["http:", "https:", "mailto:", "tel:", ":"]);

/** The spellings that ran script from front matter: mixed case, a leading space, a tab, line
 * breaks and control characters. Written into the control page's attributes as they are. */
const CONTROL = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\x01javascript:alert(1)",
];

function controlPage() {
  const links = CONTROL.map((href, i) => `<li><a href="${href}">control ${i}</a></li>`).join("\n");
  return `<!DOCTYPE html><html lang="en"><head><title>control</title></head><body><main><ul>\n${links}\n</ul></main></body></html>`;
}


/** Click link `index` of `main` of `url`, in a new tab: after a mailto: or tel: link Chromium
 * shows no more dialogs in the tab it was clicked in, which would hide script run later. */
async function click(context, url, index) {
  const page = await context.newPage();
  const dialogs = [];
  const onDialog = async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  };
  page.on("dialog", onDialog);
  await page.goto(url, { waitUntil: "load" });
  const link = page.locator("main a[href]").nth(index);
  const href = await link.evaluate((a) => ({ raw: a.getAttribute("href"), protocol: a.protocol, text: a.textContent.trim() }));
  await link.click({ noWaitAfter: true, timeout: 5000 }).catch((e) => dialogs.push(`click failed: ${e.message}`));
  await page.waitForTimeout(150);
  await page.close();
  return { href, dialogs };
}

async function main() {
  const [root, ...pages] = process.argv.slice(2);
  if (!root || pages.length === 0) fail("usage: links.mjs <built-site-folder> <page-path>...");
  const { server, origin } = await serveFolder(root, { "/__control/": controlPage });
  const browser = await launchChromium();
  const failures = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();

    for (let i = 0; i < CONTROL.length; i++) {
      const { dialogs } = await click(context, `${origin}/__control/`, i);
      const ran = dialogs.some((d) => d.startsWith("alert"));
      console.log(`control ${JSON.stringify(CONTROL[i])}: ${ran ? "script ran" : "NOTHING RAN"}`);
      if (!ran) failures.push(`control link ${JSON.stringify(CONTROL[i])} ran no script: the test cannot see script run`);
    }

    let clicked = 0;
    for (const pathname of pages) {
      const url = `${origin}${pathname}`;
      await page.goto(url, { waitUntil: "load" });
      const count = await page.locator("main a[href]").count();
      if (count === 0) failures.push(`${pathname}: no links in <main>`);
      for (let i = 0; i < count; i++) {
        const { href, dialogs } = await click(context, url, i);
        clicked++;
        const shown = `${pathname} link ${i} "${href.text}" href=${JSON.stringify(href.raw)} (${href.protocol})`;
        if (!ALLOWED.has(href.protocol)) failures.push(`${shown}: scheme ${href.protocol}`);
        if (dialogs.length) failures.push(`${shown}: ${dialogs.join("; ")}`);
        console.log(`${dialogs.length ? "RAN " : "ok  "} ${shown}`);
      }
    }
    console.log(`${clicked} links clicked on ${pages.length} pages`);
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) {
    console.error(`\n${failures.length} problem(s):\n${failures.join("\n")}`);
    process.exit(1);
  }
}

main().catch((e) => fail(e.stack || String(e)));
