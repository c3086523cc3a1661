#!/usr/bin/env node
// `plein serve` on a site that is broken from the start, seen from a real (headless) browser:
//
//   node tests/browser/broken-start.mjs <page-url> <markdown-file> <good-text-file> [<screenshot-folder>]
//
// <markdown-file> (a story) is broken when this starts, so the server has never built the site.
//   1. <page-url> answers 500 with a page that shows the errors (#plein-error-overlay) naming
//      the file, in Dutch, and listens for rebuilds;
//   2. another error in the file: the open page shows the new error by itself;
//   3. the good text (<good-text-file>) in the file: the page reloads by itself and shows the
//      story, without the overlay.
// The page is never reloaded by this script. Leaves the file good whatever happens.
// Exit 0 when all three happen, 1 when one does not (with what the page showed), 2 when it cannot run.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail, launchChromium } from "./chromium.mjs";

const STEP_TIMEOUT_MS = 30_000;
const OVERLAY = "plein-error-overlay";

const [url, file, goodFile, shotsDir] = process.argv.slice(2);
if (!url || !file || !goodFile) {
  fail("usage: node broken-start.mjs <page-url> <markdown-file> <good-text-file> [<screenshot-folder>]");
}

let good;
try {
  good = readFileSync(goodFile, "utf8");
} catch (e) {
  fail(`cannot read ${goodFile}: ${e.message}`);
}
const titleLine = good.match(/^title:[ \t]*(.+)$/m);
if (!titleLine) fail(`${goodFile} has no \`title:\` line in its front matter`);
const title = titleLine[1].trim().replace(/^["']|["']$/g, "");
// A key plein does not know: a second, different error.
const unknownKey = good.replace(titleLine[0], `${titleLine[0]}\nkleurtje: rood`);
const shownPath = file.slice(file.lastIndexOf(`${path.sep}content${path.sep}`) + 1);

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const messages = [];
let loads = 0;

/** What the page shows now: its h1, the overlay's text if any, its language. */
async function state(page) {
  try {
    return await page.evaluate((id) => ({
      h1: document.querySelector("h1")?.textContent.trim() ?? null,
      overlay: document.getElementById(id)?.textContent ?? null,
      lang: document.documentElement.lang,
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
      return last;
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

  const listening = page.waitForResponse((r) => r.url().endsWith("/__plein/events"), { timeout: STEP_TIMEOUT_MS });
  const response = await page.goto(url, { waitUntil: "load" });
  if (response?.status() !== 500) throw new Error(`GET ${url} answered ${response?.status()}, not 500`);
  await listening;
  const first = await until(page, `showed the errors naming ${shownPath}`, (s) => s.overlay?.includes(shownPath));
  if (first.lang !== "nl" || !first.overlay.includes("fout")) {
    throw new Error(`the errors page is not in Dutch: lang ${JSON.stringify(first.lang)}, ${JSON.stringify(first.overlay.slice(0, 200))}`);
  }
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, "serve-broken-start.png") });
  log(`opened ${url}: 500 with the errors, listening for rebuilds`);

  writeFileSync(file, unknownKey);
  log("made it another error");
  await until(page, "showed the new error by itself", (s) => s.overlay?.includes("kleurtje"));
  if (loads !== 1) throw new Error(`the page loaded ${loads} times; a new error needs no reload`);

  writeFileSync(file, good);
  log("fixed the story");
  await until(page, "reloaded by itself and showed the story", (s) => s.overlay === null && s.h1 === title);
  log("a site broken from the start comes up by itself");
} catch (e) {
  failed = true;
  console.log(`FAIL: ${e.message}`);
  if (messages.length) console.log(`what the page said:\n  ${messages.join("\n  ")}`);
} finally {
  writeFileSync(file, good);
  await browser?.close();
}
process.exit(failed ? 1 : 0);
