#!/usr/bin/env node
// Browser checks of a built plein site, in Debian's headless Chromium (never a downloaded one).
//
//   node tests/browser/check.mjs [--all] <built-site-folder> [<screenshot-folder>]
//
// --all checks every page of the site instead of one of each type (about a second a page).
// Serves the folder on a free loopback port and, for each page type, checks:
//   - axe-core with the WCAG 2.0/2.1/2.2 A and AA rule tags reports no violations
//     (at 1280 px and at 360 px, and colour contrast again in the dark colour scheme
//     on home and story);
//   - no horizontal scroll at 320 and 360 px (text reflows, WCAG 1.4.10);
//   - every request the page makes goes to the local server, and none of them fails;
//   - exactly one h1, a lang attribute on <html>, no script errors;
//   - the first Tab stop is a skip link to an element of the page, visible when focused;
//   - every picture has width and height (no layout shift), and only the first ones load eagerly;
//   - in print (story and buurtkrant): no navigation or search, and the buurtkrant in two columns;
// and takes full-page screenshots of home, story, agenda and a recurring event at 360 and 1280 px.
// Prints every failure and exits 1 when there is one; 2 when it cannot run at all.

import { readdir, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fail, launchChromium } from "./chromium.mjs";
import { serveFolder } from "./serve-folder.mjs";

const require = createRequire(import.meta.url);

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** Rules that depend on colours only: run again in the dark colour scheme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** The page types of the example site. `shots` names the pages photographed. */
const PAGES = [
  { name: "home", path: "/", shots: true, dark: true },
  { name: "story", path: "/verhalen/florijnflat-krijgt-kleur/", shots: true, dark: true, print: true },
  { name: "stories", path: "/verhalen/" },
  { name: "neighbourhood", path: "/buurten/muntenbuurt/" },
  { name: "person", path: "/mensen/fatima-el-amrani/" },
  { name: "tag", path: "/tags/kunst/" },
  { name: "agenda", path: "/agenda/", shots: true },
  { name: "event", path: "/agenda/avond-over-vertrouwde-gezichten/" },
  { name: "event-series", path: "/agenda/koffieochtend-het-koetshuis/", shots: true },
  { name: "agenda-year", path: "/agenda/2025/" },
  { name: "page", path: "/over/" },
  { name: "search", path: "/zoeken/" },
  { name: "buurtkrant", path: "/buurtkrant/", shots: true, print: true },
  { name: "neighbourhoods", path: "/buurten/" },
  { name: "people", path: "/mensen/" },
  { name: "tags", path: "/tags/" },
  { name: "kind", path: "/thema/muurschildering/" },
  { name: "stories page 2", path: "/verhalen/pagina/2/" },
  { name: "404", path: "/deze-pagina-bestaat-niet/", status: 404 },
];

/** With --all: every other HTML page of the site too (slower; for theme work, not the suite). */
async function allPages(root) {
  const known = new Set(PAGES.map((p) => p.path));
  const found = [];
  for (const entry of await readdir(root, { recursive: true })) {
    const rel = entry.split(path.sep).join("/");
    if (!rel.endsWith("index.html")) continue;
    const url = "/" + rel.slice(0, -"index.html".length);
    if (!known.has(url)) found.push({ name: url.split("/").filter(Boolean)[0] ?? "page", path: url });
  }
  return [...PAGES, ...found.sort((a, b) => a.path.localeCompare(b.path))];
}



/** One line per axe violation and node, short enough to read in a test log. */
function describeAxe(violations, where) {
  const out = [];
  for (const v of violations) {
    for (const node of v.nodes) {
      const html = node.html.replace(/\s+/g, " ").slice(0, 160);
      const why = (node.failureSummary || "")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !/^Fix (any|all) of the following:$/.test(l))
        .join(" ")
        .slice(0, 240);
      out.push(
        `axe ${v.id} (${v.impact}) ${where}: ${v.help}\n      at ${node.target.join(" ")}: ${html}` +
          (why ? `\n      ${why}` : ""),
      );
    }
  }
  return out;
}

/** Text whose contrast axe cannot compute (on a gradient or image): worth a human look, not a failure. */
const reviews = new Map();

async function runAxe(page, options, where) {
  const { violations, unsure } = await page.evaluate(
    (opts) => window.axe.run(document, opts).then((r) => ({
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      })),
      unsure: r.incomplete
        .filter((v) => v.id === "color-contrast")
        .flatMap((v) => v.nodes.map((n) => ({ target: n.target.join(" "), why: n.any[0]?.message ?? "" })))
        .filter((n) => /background/i.test(n.why)),
    })),
    { ...options, resultTypes: ["violations", "incomplete"] },
  );
  for (const n of unsure) {
    const key = `${where}: ${n.target}`;
    if (!reviews.has(key)) reviews.set(key, `${key}: ${n.why}`);
  }
  return violations;
}

/** The overflow at this width: how far the page scrolls sideways and which elements stick out. */
async function overflow(page, width) {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => {
    const doc = document.documentElement;
    const inner = window.innerWidth;
    if (doc.scrollWidth <= inner) return null;
    const wide = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > inner + 0.5 && r.width > 0) {
        // Report the outermost offenders only.
        if (!wide.some((w) => w.el.contains(el))) {
          const one = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "") +
            (e.classList.length ? "." + [...e.classList].join(".") : "");
          const chain = [];
          for (let e = el; e && e !== document.body && chain.length < 4; e = e.parentElement) chain.unshift(one(e));
          const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
          wide.push({ el, text: `${chain.join(" > ")} (right edge ${Math.round(r.right)} px${text ? `, "${text}"` : ""})` });
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, inner, wide: wide.slice(0, 6).map((w) => w.text) };
  });
}

/** Pictures keep their place while they load: width and height set; lazy below the top. A
 *  picture with WebP copies shows, from a WebP copy (`photos`: the page has such a picture). */
async function checkPictures(page, photos) {
  return page.evaluate(async (photos) => {
    const found = [];
    let shown = 0;
    for (const img of document.querySelectorAll("main picture img")) {
      if (img.loading === "lazy") continue;
      const name = img.getAttribute("src");
      try {
        await img.decode();
      } catch {
        found.push(`<img src="${name}"> in a <picture> does not show`);
        continue;
      }
      if (img.naturalWidth === 0) found.push(`<img src="${name}"> in a <picture> is empty`);
      else if (!img.currentSrc.endsWith(".webp")) found.push(`<img src="${name}"> shows ${img.currentSrc}, not its WebP copy`);
      else shown += 1;
    }
    if (photos && shown === 0) found.push("no photo from a WebP copy shows at the top of the page");
    for (const img of document.querySelectorAll("main img")) {
      const name = img.getAttribute("src");
      if (!img.getAttribute("width") || !img.getAttribute("height")) {
        found.push(`<img src="${name}"> has no width and height`);
      }
      if (img.srcset && !img.sizes) found.push(`<img src="${name}"> has srcset but no sizes`);
      const top = img.getBoundingClientRect().top + window.scrollY;
      if (img.loading !== "lazy" && top > 2 * window.innerHeight) {
        found.push(`<img src="${name}"> far down the page loads eagerly; add loading="lazy"`);
      }
    }
    return found;
  }, photos);
}

/** The print layout: no navigation or search; the buurtkrant as a paper in two columns. */
async function checkPrint(page) {
  await page.emulateMedia({ media: "print" });
  const found = await page.evaluate(() => {
    const problems = [];
    const shown = (el) => el && getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
    for (const sel of [".mainnav", "form.search", ".skip-link"]) {
      if (shown(document.querySelector(sel))) problems.push(`${sel} is printed`);
    }
    const columns = document.querySelector(".paper__columns");
    if (columns) {
      if (getComputedStyle(columns).columnCount !== "2") problems.push("the buurtkrant is not in two columns");
      if (shown(document.querySelector(".masthead"))) problems.push("the site header is printed");
      if (shown(document.querySelector(".paper-hint"))) problems.push("the print hint is printed");
      if (!shown(document.querySelector(".paper__masthead"))) problems.push("the paper has no masthead");
    }
    return problems;
  });
  await page.emulateMedia({ media: "screen" });
  return found;
}

async function checkPage(context, origin, spec, shotsDir) {
  const failures = [];
  const where = `${spec.name} ${spec.path}`;
  const page = await context.newPage();
  const foreign = [];
  const broken = [];
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  page.on("response", (res) => {
    const url = res.url();
    if (res.status() >= 400 && url !== origin + spec.path) broken.push(`${res.status()} ${url}`);
  });
  page.on("requestfailed", (req) => {
    if (new URL(req.url()).origin === origin) broken.push(`failed ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("pageerror", (err) => failures.push(`${where}: script error: ${err.message}`));

  await page.setViewportSize({ width: 1280, height: 800 });
  const response = await page.goto(origin + spec.path, { waitUntil: "load" });
  const expected = spec.status ?? 200;
  if (!response || response.status() !== expected) {
    failures.push(`${where}: HTTP status ${response?.status()}, expected ${expected}`);
    if (!response || (response.status() === 404 && expected !== 404)) {
      await page.close();
      return failures;
    }
  }

  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute("lang"),
    h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim().slice(0, 60)),
    title: document.title,
  }));
  if (!facts.lang || !facts.lang.trim()) failures.push(`${where}: <html> has no lang attribute`);
  if (facts.h1.length !== 1) {
    failures.push(`${where}: ${facts.h1.length} h1 elements, expected exactly one` +
      (facts.h1.length ? `: ${facts.h1.map((t) => JSON.stringify(t)).join(", ")}` : ""));
  }

  // The first Tab stop is a skip link to an element on the page, visible once focused.
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return "nothing takes focus on the first Tab";
    const href = a.getAttribute("href") || "";
    const what = `<${a.tagName.toLowerCase()} href="${href}">${(a.textContent || "").trim().slice(0, 40)}`;
    if (a.tagName !== "A" || !href.startsWith("#") || href.length < 2) return `the first Tab stop is ${what}, not a skip link`;
    if (!document.getElementById(decodeURIComponent(href.slice(1)))) return `the skip link ${what} points to no element`;
    const r = a.getBoundingClientRect();
    const style = getComputedStyle(a);
    const visible = r.width >= 2 && r.height >= 2 && r.bottom > 0 && r.right > 0 &&
      r.top < window.innerHeight && r.left < window.innerWidth &&
      style.visibility !== "hidden" && style.opacity !== "0" && !a.closest("[hidden]");
    return visible ? null : `the skip link ${what} stays invisible when focused`;
  });
  if (skip) failures.push(`${where}: ${skip}`);
  await page.evaluate(() => document.activeElement?.blur());

  const seen = new Set();
  // A violation found at 1280 px is not repeated at 360 px.
  const axeOnce = (violations, label) => {
    const fresh = violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !seen.has(v.id + " " + n.target.join(" "))) }))
      .filter((v) => v.nodes.length);
    for (const v of fresh) for (const n of v.nodes) seen.add(v.id + " " + n.target.join(" "));
    failures.push(...describeAxe(fresh, `${where}${label}`));
  };
  axeOnce(await runAxe(page, { runOnly: { type: "tag", values: AXE_TAGS } }, where), " at 1280 px");

  if (spec.shots && shotsDir) {
    await page.screenshot({ path: path.join(shotsDir, `${spec.name}-1280.png`), fullPage: true });
  }

  for (const width of [320, 360]) {
    const over = await overflow(page, width);
    if (over) {
      failures.push(`${where}: scrolls sideways at ${width} px (scrollWidth ${over.scrollWidth} > ${over.inner})` +
        (over.wide.length ? `; too wide: ${over.wide.join(", ")}` : ""));
    }
  }
  // The small screen can lay out and hide things differently: axe once more at 360 px.
  axeOnce(await runAxe(page, { runOnly: { type: "tag", values: AXE_TAGS } }, where), " at 360 px");
  if (spec.shots && shotsDir) {
    await page.screenshot({ path: path.join(shotsDir, `${spec.name}-360.png`), fullPage: true });
  }

  failures.push(...(await checkPictures(page, spec.name === "story")).map((f) => `${where}: ${f}`));
  if (spec.print) failures.push(...(await checkPrint(page)).map((f) => `${where} in print: ${f}`));

  if (spec.dark) {
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await runAxe(page, { runOnly: { type: "rule", values: COLOUR_RULES } }, `${where} (dark)`);
    failures.push(...describeAxe(dark, `${where} in dark mode at 360 px`));
    if (shotsDir) {
      await page.screenshot({ path: path.join(shotsDir, `${spec.name}-360-dark.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const wideDark = await runAxe(page, { runOnly: { type: "rule", values: COLOUR_RULES } }, `${where} (dark)`);
    const known = new Set(dark.flatMap((v) => v.nodes.map((n) => v.id + " " + n.target.join(" "))));
    const extra = wideDark
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !known.has(v.id + " " + n.target.join(" "))) }))
      .filter((v) => v.nodes.length);
    failures.push(...describeAxe(extra, `${where} in dark mode at 1280 px`));
    if (shotsDir) {
      await page.screenshot({ path: path.join(shotsDir, `${spec.name}-1280-dark.png`), fullPage: true });
    }
  }

  for (const url of new Set(foreign)) failures.push(`${where}: request to another host: ${url}`);
  for (const what of new Set(broken)) failures.push(`${where}: request answered ${what}`);
  await page.close();
  return failures;
}

async function main() {
  const args = process.argv.slice(2);
  const all = args.includes("--all");
  const [siteDir, shotsDir] = args.filter((a) => a !== "--all");
  if (!siteDir) fail("usage: node check.mjs [--all] <built-site-folder> [<screenshot-folder>]");
  if (!existsSync(path.join(siteDir, "index.html"))) fail(`${siteDir} has no index.html; build the site first`);
  if (shotsDir) await mkdir(shotsDir, { recursive: true });

  const started = Date.now();
  const { server, origin } = await serveFolder(siteDir);
  const browser = await launchChromium();
  const context = await browser.newContext({ serviceWorkers: "block" });
  // axe-core is in every page from the start: cheaper than injecting it page by page.
  await context.addInitScript({ path: require.resolve("axe-core/axe.min.js") });
  // Nothing may leave the machine: foreign requests are recorded (above) and then refused,
  // so a CDN link fails the test at once instead of hanging it.
  await context.route((url) => url.origin !== origin, (route) => route.abort("blockedbyclient"));

  const pages = all ? await allPages(siteDir) : PAGES;
  const failures = [];
  try {
    for (const spec of pages) {
      const t = Date.now();
      const found = await checkPage(context, origin, spec, shotsDir);
      console.log(`${found.length ? "FAIL" : "ok  "} ${spec.name.padEnd(14)} ${spec.path} (${Date.now() - t} ms)`);
      failures.push(...found);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (shotsDir) console.log(`screenshots in ${shotsDir}`);
  if (reviews.size) {
    console.log(`\n${reviews.size} texts whose contrast axe could not measure (check them by eye; not failures):`);
    for (const r of reviews.values()) console.log(`  - ${r}`);
  }
  if (failures.length) {
    console.log(`\n${failures.length} browser check failures (${secs} s):`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exit(1);
  }
  console.log(`all browser checks passed on ${pages.length} pages (${secs} s)`);
}

main().catch((e) => {
  console.error(`check: ${e.stack || e}`);
  process.exit(2);
});
