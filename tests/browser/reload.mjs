#!/usr/bin/env node
// Live reload of `plein serve`, seen from a real (headless) browser:
//
//   node tests/browser/reload.mjs <page-url> <markdown-file> [<screenshot-folder>]
//
// Opens <page-url> (a story served by `plein serve`), then edits <markdown-file> (that story):
//   1. a new title: the open page reloads by itself and shows it;
//   2. broken front matter: the page shows the error overlay (#plein-error-overlay) naming the file,
//      over the last good page;
//   3. the old text again: the overlay goes and the page shows the old title.
// The page is never reloaded by this script. Restores the file whatever happens.
// Exit 0 when all three happen, 1 when one does not (with what the page showed), 2 when it cannot run.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail, launchChromium } from "./chromium.mjs";

const STEP_TIMEOUT_MS = 30_000;
const OVERLAY = "plein-error-overlay";

const [url, file, shotsDir] = process.argv.slice(2);
if (!url || !file) fail("usage: node reload.mjs <page-url> <markdown-file> [<screenshot-folder>]");

let original;
try {
  original = readFileSync(file, "utf8");
} catch (e) {
  fail(`cannot read ${file}: ${e.message}`);
}
const titleLine = original.match(/^title:[ \t]*(.+)$/m);
if (!titleLine) fail(`${file} has no \`title:\` line in its front matter`);
const oldTitle = titleLine[1].trim().replace(/^["']|["']$/g, "");
const newTitle = `${oldTitle} (bijgewerkt ${Date.now() % 100000})`;
const withTitle = (title) => original.replace(titleLine[0], `title: ${title}`);
// An unterminated quoted string: YAML that does not parse.
const broken = original.replace(titleLine[0], `title: "${newTitle}`);
// The overlay names the file by its path in the site; match the part from content/ on.
const shownPath = file.includes(`${path.sep}content${path.sep}`)
  ? file.slice(file.lastIndexOf(`${path.sep}content${path.sep}`) + 1)
  : path.basename(file);

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const messages = [];

/** What the page shows now: its h1, the overlay's text if any, how often it loaded. */
let loads = 0;
async function state(page) {
  try {
    return await page.evaluate((id) => ({
      h1: document.querySelector("h1")?.textContent.trim() ?? null,
      overlay: document.getElementById(id)?.textContent ?? null,
    }), OVERLAY);
  } catch {
    return { h1: null, overlay: null, navigating: true }; // between documents during a reload
  }
}

/** Poll the open page until `test(state)` holds; never reloads it. */
async function until(page, what, test) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    last = await state(page);
    if (!last.navigating && test(last)) {
      log(`ok: ${what}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the page never ${what} within ${STEP_TIMEOUT_MS / 1000} s; it showed ` +
    `h1 ${JSON.stringify(last?.h1)}, overlay ${JSON.stringify(last?.overlay?.slice(0, 300) ?? null)}, ` +
    `after ${loads} page loads`);
}

let browser;
let failed = false;
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on("console", (m) => messages.push(`console.${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`script error: ${e.message}`));
  page.on("load", () => loads++);

  // The page listens for rebuilds once its EventSource is open: wait for that before editing,
  // or a quick rebuild could come before the page listens.
  const listening = page.waitForResponse((r) => r.url().endsWith("/__plein/events"), { timeout: STEP_TIMEOUT_MS });
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`GET ${url} answered ${response?.status()}`);
  await listening;
  const first = await state(page);
  if (first.h1 !== oldTitle) throw new Error(`the page shows h1 ${JSON.stringify(first.h1)}, expected ${JSON.stringify(oldTitle)}`);
  log(`opened ${url}, listening for rebuilds`);

  writeFileSync(file, withTitle(newTitle));
  log("changed the title");
  await until(page, "showed the new title by itself", (s) => s.h1 === newTitle && s.overlay === null);

  writeFileSync(file, broken);
  log("broke the front matter");
  await until(page, `showed the error overlay naming ${shownPath}`, (s) => s.overlay?.includes(shownPath));
  const underneath = await state(page);
  if (underneath.h1 !== newTitle) {
    throw new Error(`under the overlay the page shows h1 ${JSON.stringify(underneath.h1)}, not the last good ${JSON.stringify(newTitle)}`);
  }
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, "serve-error-overlay.png") });

  writeFileSync(file, original);
  log("fixed the front matter");
  await until(page, "dropped the overlay and showed the fixed title", (s) => s.overlay === null && s.h1 === oldTitle);
  log("live reload works");
} catch (e) {
  failed = true;
  console.log(`FAIL: ${e.message}`);
  if (messages.length) console.log(`what the page said:\n  ${messages.join("\n  ")}`);
} finally {
  writeFileSync(file, original);
  await browser?.close();
}
process.exit(failed ? 1 : 0);
