#!/usr/bin/env node
// Phone first (issue 17), in Debian's headless Chromium:
//
//   node tests/browser/phone.mjs <built-site-folder>
//
// At 360x780 and at 1280x900: the first story title's top is inside the first screen on the
// front page and the story lists; every agenda card says whether to sign up; on an event page
// with sign-up buttons the first button is inside the first screen; on a story page the photo
// is, and "Link kopiëren" copies the page's address; the phone's front page is under half the 8,732 px it was before. Prints each page's
// height (document.scrollingElement.scrollHeight) for the record.
// Exit 0 when all hold, 1 with what does not, 2 when it cannot run.

import path from "node:path";
import { fail, launchChromium } from "./chromium.mjs";
import { serveFolder as serve } from "./serve-folder.mjs";

const LISTS = ["/", "/verhalen/", "/buurten/muntenbuurt/", "/thema/muurschildering/", "/tags/kunst/", "/mensen/fatima-el-amrani/"];
const SCREENS = [[360, 780], [1280, 900]];


async function main() {
  const [site] = process.argv.slice(2);
  if (!site) fail("usage: node phone.mjs <built-site-folder>");
  const root = path.resolve(site);
  const { server, origin } = await serve(root);
  const browser = await launchChromium();
  const failures = [];
  try {
    for (const [width, height] of SCREENS) {
      const page = await browser.newPage({ viewport: { width, height } });
      const top = (sel) => page.evaluate((s) => {
        const el = document.querySelector(s);
        return el ? Math.round(el.getBoundingClientRect().top) : null;
      }, sel);
      for (const url of LISTS) {
        await page.goto(origin + url, { waitUntil: "load" });
        const y = await top(".card__title");
        const h = await page.evaluate(() => document.scrollingElement.scrollHeight);
        console.log(`${width}x${height} ${url}: first story title at y=${y}, page ${h} px`);
        if (y === null || y >= height) failures.push(`${width}x${height} ${url}: the first story title is at y=${y}, below the first screen`);
        // Before issue 17 the front page was 8,732 px long on a phone; it must stay under half.
        if (url === "/" && width === 360 && h > 4366) failures.push(`360x780 /: the front page is ${h} px long, more than half the 8,732 px it was`);
      }
      await page.goto(origin + "/agenda/", { waitUntil: "load" });
      const states = await page.evaluate(() => [...document.querySelectorAll(".event-card")].map((c) => ({
        title: c.querySelector(".event-card__title")?.textContent.trim(),
        state: c.querySelector(".signup")?.textContent.trim() ?? "",
        shown: !!c.querySelector(".signup")?.getClientRects().length,
        // One link covers the card: a tap in its lower right corner lands on the event's link.
        tap: (() => {
          const r = c.getBoundingClientRect();
          c.scrollIntoView({ block: "center" });
          const b = c.getBoundingClientRect();
          const hit = document.elementFromPoint(b.right - 6, b.bottom - 6);
          return hit?.closest("a")?.classList.contains("event-card__link") ?? false;
        })(),
      })));
      if (states.length === 0) failures.push(`${width}x${height} /agenda/: no event cards`);
      for (const s of states) {
        if (!s.state || !s.shown) failures.push(`${width}x${height} /agenda/: "${s.title}" shows no sign-up state`);
        if (!s.tap) failures.push(`${width}x${height} /agenda/: a tap on "${s.title}" does not open it`);
      }
      const events = await page.evaluate(() => [...document.querySelectorAll("#p-agenda-upcoming ~ * .event-card__link, .event-card:not(.event-card--past) .event-card__link")].map((a) => a.getAttribute("href")));
      for (const url of [...new Set(events)]) {
        await page.goto(origin + url, { waitUntil: "load" });
        const button = await page.evaluate(() => {
          const b = document.querySelector(".cta--event .button, .cta--event .notice");
          return b ? Math.round(b.getBoundingClientRect().bottom) : null;
        });
        if (button === null || button > height) failures.push(`${width}x${height} ${url}: the sign-up button ends at y=${button}, below the first screen`);
      }
      await page.goto(origin + "/verhalen/florijnflat-krijgt-kleur/", { waitUntil: "load" });
      const photo = await top(".story__figure img");
      if (photo === null || photo >= height) failures.push(`${width}x${height} story: the photo starts at y=${photo}, below the first screen`);
      // "Link kopiëren" copies the page's address, stays on the page and says so.
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
      const before = page.url();
      const permalink = await page.getAttribute(".share__copy", "href");
      await page.click(".share__copy", { noWaitAfter: true });
      const said = await page
        .waitForFunction(() => document.querySelector(".share__status")?.textContent.trim(), null, { timeout: 5000 })
        .then(() => true, () => false);
      if (page.url() !== before) {
        failures.push(`${width}x${height} story: copying the link left the page for ${page.url()}`);
      } else {
        if (!said) failures.push(`${width}x${height} story: copying the link says nothing`);
        const copied = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `(${e.message})`);
        if (copied !== permalink) failures.push(`${width}x${height} story: the clipboard holds ${copied}, not ${permalink}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) {
    console.log(`\n${failures.length} phone-first failures:`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exit(1);
  }
  console.log("phone first: every check passed");
}

main().catch((e) => {
  console.error(`phone: ${e.stack || e}`);
  process.exit(2);
});
