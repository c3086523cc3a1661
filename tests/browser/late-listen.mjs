#!/usr/bin/env node
// A rebuild that comes after a page loaded but before it listens is not missed:
//
//   node tests/browser/late-listen.mjs <page-url> <markdown-file>
//
// Opens <page-url> (a story served by `plein serve`) with its live-reload stream held back,
// changes the title in <markdown-file>, waits until the server serves the new title, and only
// then lets the stream through. The page must reload by itself and show the new title. This is
// also what a page goes through whose stream the server dropped and which connects anew.
// Restores the file whatever happens.
// Exit 0 when it does, 1 when it does not (with what the page showed), 2 when it cannot run.

import { readFileSync, writeFileSync } from "node:fs";
import { fail, launchChromium } from "./chromium.mjs";

const STEP_TIMEOUT_MS = 30_000;

const [url, file] = process.argv.slice(2);
if (!url || !file) fail("usage: node late-listen.mjs <page-url> <markdown-file>");

let original;
try {
  original = readFileSync(file, "utf8");
} catch (e) {
  fail(`cannot read ${file}: ${e.message}`);
}
const titleLine = original.match(/^title:[ \t]*(.+)$/m);
if (!titleLine) fail(`${file} has no \`title:\` line in its front matter`);
const oldTitle = titleLine[1].trim().replace(/^["']|["']$/g, "");
const newTitle = `${oldTitle} (later ${Date.now() % 100000})`;

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const messages = [];

async function h1(page) {
  try {
    return await page.evaluate(() => document.querySelector("h1")?.textContent.trim() ?? null);
  } catch {
    return null; // between documents during a reload
  }
}

async function until(what, test) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await test()) {
      log(`ok: ${what}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never ${what} within ${STEP_TIMEOUT_MS / 1000} s`);
}

let browser;
let failed = false;
try {
  browser = await launchChromium();
  const page = await browser.newPage();
  page.on("console", (m) => messages.push(`console.${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`script error: ${e.message}`));

  let held = null;
  let release = false;
  await page.route("**/__plein/events", (route) => {
    if (release) return route.continue();
    held = route;
  });
  const response = await page.goto(url, { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`GET ${url} answered ${response?.status()}`);
  if ((await h1(page)) !== oldTitle) throw new Error(`the page does not show ${JSON.stringify(oldTitle)}`);
  await until("the page asked for its live-reload stream (held back)", async () => held !== null);

  writeFileSync(file, original.replace(titleLine[0], `title: ${newTitle}`));
  log("changed the title");
  await until("the server serves the new title", async () => {
    const text = await (await fetch(url)).text();
    return text.includes(newTitle);
  });
  release = true;
  await held.continue();
  log("let the stream through");
  // The h1 changes only by a reload: this script never reloads the page.
  await until("the page reloaded by itself and showed the new title", async () => (await h1(page)) === newTitle);
} catch (e) {
  failed = true;
  console.log(`FAIL: ${e.message}`);
  if (messages.length) console.log(`what the page said:\n  ${messages.join("\n  ")}`);
} finally {
  writeFileSync(file, original);
  await browser?.close();
}
process.exit(failed ? 1 : 0);
