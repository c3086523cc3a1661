#!/usr/bin/env node
// A long story as a resident on a phone sees it and as a chat app shares it (issue 17):
//
//   node tests/browser/sharing.mjs <built-site-folder> <story-path> [<screenshot-folder>]
//
// The story (tests/browser.rs writes it into a copy of the example site) has a long Dutch
// compound in its title, a wide table, pasted web addresses and enough headings for a
// contents list. In Debian's headless Chromium, at 360x780 and then 1280x900:
//   - the title breaks inside its long word with a hyphen (a soft hyphen plein put there), every
//     line of it inside the screen, and the page does not scroll sideways;
//   - the table scrolls inside its own region, which takes the keyboard focus;
//   - axe (WCAG 2.0-2.2 A and AA) finds no violation on the page, contents list and table included;
// and from the HTML: the Open Graph tags are absolute https addresses, og:image:width/height are
// the picture's real size, og:locale reads like nl_NL, and the JSON-LD parses as an Article.
// Takes screenshots of the story at both sizes. Exit 1 with every failure, 2 when it cannot run.

import { readFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fail, launchChromium } from "./chromium.mjs";
import { serveFolder as serve } from "./serve-folder.mjs";

const require = createRequire(import.meta.url);
const [root, storyPath, shotDir] = process.argv.slice(2);
if (!root || !storyPath) fail("usage: node sharing.mjs <built-site-folder> <story-path> [<screenshot-folder>]");



const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

/** The Open Graph and Twitter tags of `html`, by name, decoded as a browser reads them. */
function metaTags(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.head.querySelectorAll("meta[property], meta[name]")]
      .map((m) => [m.getAttribute("property") || m.getAttribute("name"), m.content]),
  ));
}

/** JPEG size from its SOF marker: the real picture, not what the HTML claims. */
function jpegSize(bytes) {
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

async function checkShare(page) {
  const tags = await metaTags(page);
  for (const key of ["og:title", "og:description", "og:url", "og:image", "og:site_name", "og:locale", "og:type", "twitter:card"]) {
    check(tags[key], `no ${key}`);
  }
  for (const key of ["og:url", "og:image"]) {
    check(/^https:\/\/[^/]+\//.test(tags[key] ?? ""), `${key} is not an absolute https address: ${tags[key]}`);
  }
  check(/^[a-z]{2}_[A-Z]{2}$/.test(tags["og:locale"] ?? ""), `og:locale ${tags["og:locale"]} is not like nl_NL`);
  check(tags["og:type"] === "article", `og:type is ${tags["og:type"]}`);
  check(tags["twitter:card"] === "summary_large_image", `twitter:card is ${tags["twitter:card"]}`);
  check(!/\u00ad/.test(JSON.stringify(tags)), "a soft hyphen in the meta tags");
  check(!Number.isNaN(Date.parse(tags["article:published_time"])), `article:published_time ${tags["article:published_time"]}`);
  // The picture the tag names is a file of the site, of the size the tags say.
  const imagePath = URL.canParse(tags["og:image"]) ? new URL(tags["og:image"]).pathname : "/";
  const bytes = await readFile(path.join(root, imagePath)).catch(() => null);
  check(bytes, `og:image ${imagePath} is not a file of the site`);
  const real = bytes && jpegSize(bytes);
  check(real && `${real.width}` === tags["og:image:width"] && `${real.height}` === tags["og:image:height"],
    `og:image is ${real?.width}x${real?.height}, the tags say ${tags["og:image:width"]}x${tags["og:image:height"]}`);
  // Article data: JSON a parser reads, about this story.
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent));
  check(scripts.length === 1, `${scripts.length} JSON-LD scripts`);
  let data = {};
  try { data = JSON.parse(scripts[0] ?? ""); } catch (e) { failures.push(`JSON-LD does not parse: ${e.message}`); }
  check(data["@type"] === "Article", `JSON-LD @type ${data["@type"]}`);
  check(data.headline === tags["og:title"], `headline ${data.headline} is not og:title ${tags["og:title"]}`);
  check(data.image?.[0] === tags["og:image"], "JSON-LD image is not og:image");
  check(Array.isArray(data.author) && data.author.length > 0, "JSON-LD has no author");
  check(data.publisher?.name === tags["og:site_name"], "JSON-LD publisher is not the site");
  console.log(`share: ${tags["og:title"]} | ${tags["og:image"]} ${tags["og:image:width"]}x${tags["og:image:height"]} | ${tags["og:locale"]}`);
}

/** How the title lies at this width: its lines, whether one ends in a hyphen inside a word. */
async function titleLines(page) {
  return page.evaluate(() => {
    const h1 = document.querySelector("h1");
    const text = h1.firstChild;
    const range = document.createRange();
    const lines = [];
    let top = null;
    let current = "";
    let right = 0;
    // Character by character: where the line's top changes, a new line starts.
    for (let i = 0; i < text.length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
      const r = rects[rects.length - 1];
      if (!r) continue;
      if (top !== null && Math.abs(r.top - top) > 4) { lines.push(current); current = ""; }
      top = r.top;
      right = Math.max(right, r.right);
      current += text.data[i];
    }
    lines.push(current);
    return { lines, right, width: window.innerWidth, height: h1.getBoundingClientRect().height };
  });
}

async function checkLayout(page, width, height) {
  await page.setViewportSize({ width, height });
  const where = `${width}x${height}`;
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(sideways <= 0, `${where}: the page scrolls ${sideways} px sideways`);
  const title = await titleLines(page);
  check(title.right <= title.width, `${where}: the title reaches ${Math.round(title.right)} px of ${title.width}`);
  // A line that breaks at a soft hyphen ends in it: the browser shows a hyphen there.
  const broken = title.lines.slice(0, -1).filter((l) => l.endsWith("\u00ad"));
  if (width <= 360) {
    check(broken.length > 0, `${where}: the title does not break at a soft hyphen: ${JSON.stringify(title.lines)}`);
    // A letter at the end of a line and at the start of the next: a word cut without a hyphen.
    const midWord = title.lines.slice(0, -1).filter((l, i) => /\p{L}$/u.test(l) && /^\p{L}/u.test(title.lines[i + 1]));
    check(midWord.length === 0, `${where}: the title breaks inside a word without a hyphen: ${JSON.stringify(title.lines)}`);
  }
  console.log(`${where}: title in ${title.lines.length} lines: ${title.lines.map((l) => l.replace(/\u00ad$/, "-").replace(/\u00ad/g, "")).join(" | ")}`);
  // The table scrolls in its own region, which the keyboard can reach.
  const table = await page.evaluate(() => {
    const wrap = document.querySelector(".table-wrap");
    if (!wrap) return null;
    wrap.focus();
    return { scrolls: wrap.scrollWidth > wrap.clientWidth, focused: document.activeElement === wrap,
      role: wrap.getAttribute("role"), label: wrap.getAttribute("aria-label") };
  });
  check(table, `${where}: no table region`);
  if (table) {
    check(table.focused && table.role === "region" && table.label, `${where}: the table region ${JSON.stringify(table)}`);
    if (width <= 360) check(table.scrolls, `${where}: the wide table does not scroll in its region`);
  }
  const contents = await page.evaluate(() =>
    [...document.querySelectorAll("nav.contents a")].map((a) => document.getElementById(a.hash.slice(1)) !== null));
  check(contents.length >= 4 && contents.every(Boolean), `${where}: contents links ${JSON.stringify(contents)}`);
  const links = await page.evaluate(() => [...document.querySelectorAll(".story__body a")].map((a) => a.href));
  check(links.some((h) => h.startsWith("https://www.youtube.com/watch?v=")), `${where}: the pasted YouTube address is no link`);
  check(!links.some((h) => /^javascript:/i.test(h)), `${where}: a javascript: link`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const axe = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)));
  for (const v of axe) failures.push(`${where}: axe ${v}`);
  if (shotDir) {
    await mkdir(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, `long-story-${width}.png`), fullPage: false });
    // The body alone: contents list, pasted links and the table's scroll shadow.
    await page.locator(".story__body").screenshot({ path: path.join(shotDir, `long-story-body-${width}.png`) });
  }
}

const { server, origin } = await serve(root);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto(origin + storyPath);
  check(response?.status() === 200, `${storyPath}: status ${response?.status()}`);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  await checkShare(page);
  await checkLayout(page, 360, 780);
  await checkLayout(page, 1280, 900);
  check(errors.length === 0, `script errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`${failures.length} failures:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("the long story reads well on a phone and shares with a preview");
