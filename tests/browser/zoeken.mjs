#!/usr/bin/env node
// The search page of tests/sites/zoeken in headless Chromium at 360x780 (issue 18):
//
//   node tests/browser/zoeken.mjs <built-site-folder> [<screenshot-folder>]
//
//   - compounds and their parts are marked in each result ("tuin" marks speeltuin);
//   - a word with a typo offers "Bedoelde je …?" links, and following one with the keyboard
//     finds the story;
//   - two words the site writes as one find it ("repair café");
//   - the neighbourhood and kind filters narrow the results;
//   - text from the site is never read as HTML (a title with tags in it shows them as text);
//   - a script and an index of different formats load the page once more, then give up;
//   - with JavaScript off the page says so and offers neighbourhoods, kinds and tags as links;
//   - axe finds nothing on either page.
// Exit 0 when all hold, 1 with what failed, 2 when it cannot run.

import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fail, launchChromium } from "./chromium.mjs";
import { serveFolder } from "./serve-folder.mjs";

const require = createRequire(import.meta.url);


const failures = [];
function expect(ok, what) {
  if (!ok) failures.push(what);
}

function shown(page) {
  return page.evaluate(() => ({
    status: document.getElementById("search-status").textContent,
    suggest: document.getElementById("search-suggest").hidden ? "" : document.getElementById("search-suggest").textContent,
    results: [...document.querySelectorAll("#search-results .result")].map((li) => ({
      title: li.querySelector(".result__title").textContent,
      href: li.querySelector("a").getAttribute("href"),
      meta: li.querySelector(".result__meta").textContent,
      snippet: li.querySelector(".result__snippet").textContent,
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent.toLowerCase()),
      elements: li.querySelectorAll(".result__title em, .result__title img, script").length,
    })),
  }));
}

async function type(page, query) {
  const field = page.locator("#search-page-q");
  await field.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(query, { delay: 10 });
  await page.waitForFunction(
    (q) => document.getElementById("search-status").textContent.includes(q),
    query.trim(),
    { timeout: 10_000 },
  );
  await page.waitForTimeout(150);
  return shown(page);
}

async function axe(page, what) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
    .then((r) => r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)));
  for (const v of violations) failures.push(`axe on ${what}: ${v}`);
}

const log = (q, r) => console.log(`${q}:`, r.status, r.suggest, r.results.map((x) => `${x.title} [${[...new Set(x.marks)]}]`));

async function main() {
  const [siteDir, shotsDir] = process.argv.slice(2);
  if (!siteDir || !existsSync(path.join(siteDir, "zoeken/index/manifest.json"))) {
    fail("usage: node zoeken.mjs <built-site-folder> (with zoeken/index/ in it)");
  }
  const { server, origin } = await serveFolder(siteDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => failures.push(`script error: ${e.message}`));
    page.on("dialog", (d) => {
      failures.push(`a dialog opened: ${d.message()}`);
      d.dismiss();
    });
    page.on("response", (res) => {
      if (res.status() >= 400) failures.push(`request answered ${res.status()}: ${res.url()}`);
    });
    await page.goto(`${origin}/zoeken/`, { waitUntil: "load" });
    expect(await page.locator("#search-noscript").isHidden(), "the no-JavaScript note shows while the script runs");

    // Compounds: "tuin" finds and marks the speeltuin, pluktuin, schooltuin and geveltuintjes.
    let r = await type(page, "tuin ");
    log("tuin", r);
    const all = r.results.flatMap((x) => x.marks);
    for (const word of ["tuin", "speeltuin", "pluktuin", "schooltuin", "geveltuintjes"]) {
      expect(all.includes(word), `"tuin" marks no "${word}"`);
    }
    expect(r.results.every((x) => x.marks.length > 0), `"tuin": a result without a marked word`);
    // A title with tags in it is text, not HTML.
    const hek = r.results.find((x) => x.href === "/verhalen/hek/");
    expect(hek && hek.title.includes("<em>zonder</em>") && hek.title.includes("<img") && hek.elements === 0, `the title with tags: ${JSON.stringify(hek)}`);
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, "search-compounds-360.png"), fullPage: true });

    // The kind and neighbourhood filters.
    await page.locator("#search-area").selectOption({ label: "Eikenwijk" });
    await page.waitForTimeout(400);
    r = await shown(page);
    log("tuin in Eikenwijk", r);
    expect(r.results.length > 0 && r.results.every((x) => x.meta.includes("Eikenwijk")), `area filter: ${r.results.map((x) => x.meta)}`);
    await page.locator("#search-kind").selectOption({ label: "Ontmoeting" });
    await page.waitForTimeout(400);
    r = await shown(page);
    expect(r.results.length === 0, `tuin, Eikenwijk, Ontmoeting: ${r.results.length} results, expected none`);
    await page.locator("#search-kind").selectOption({ label: "Buiten" });
    await page.waitForTimeout(400);
    r = await shown(page);
    expect(r.results.length > 0 && r.results.every((x) => x.meta.includes("Buiten") && x.meta.includes("Eikenwijk")), `kind filter: ${r.results.map((x) => x.meta)}`);
    await page.locator("#search-area").selectOption("");
    await page.locator("#search-kind").selectOption("");

    // Written apart, found together.
    r = await type(page, "repair café ");
    log("repair café", r);
    expect(/repaircafé/i.test(r.results[0]?.title ?? ""), `"repair café": first is "${r.results[0]?.title}"`);
    expect(r.results[0]?.marks.includes("repaircafé"), `"repair café": the repaircafé is not marked`);

    // A typo: no results, a suggestion, and the suggestion followed with the keyboard.
    r = await type(page, "speeltuiin ");
    log("speeltuiin", r);
    expect(r.results.length === 0 && /Bedoelde je speeltuin\?/.test(r.suggest), `"speeltuiin": suggestion "${r.suggest}"`);
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, "search-suggest-360.png"), fullPage: true });
    await axe(page, "the suggestion");
    await page.locator("#search-suggest a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#search-results .result").length > 0, null, { timeout: 10_000 });
    r = await shown(page);
    log("followed", r);
    expect(/speeltuin/i.test(r.results[0]?.title ?? "") && page.url().includes("q=speeltuin"), `following the suggestion: ${page.url()} ${r.results[0]?.title}`);
    await axe(page, "results");

    // The script and the index from different builds (one of them cached when the site was
    // published again): the page fetches both anew and loads once more; when the host keeps
    // serving the other format, it says search does not work, without loading again and again.
    for (const always of [false, true]) {
      const renewing = await browser.newContext({ viewport: { width: 360, height: 780 } });
      const p = await renewing.newPage();
      let served = 0;
      await p.route("**/zoeken/index/manifest.json", async (route) => {
        const response = await route.fetch();
        const manifest = await response.json();
        served += 1;
        if (always || served === 1) manifest.v += 1;
        await route.fulfill({ response, json: manifest });
      });
      let loads = 0;
      p.on("load", () => {
        loads += 1;
      });
      await p.goto(`${origin}/zoeken/?q=tuin`, { waitUntil: "load" });
      for (const until = Date.now() + 10_000; loads < 2 && Date.now() < until;) await p.waitForTimeout(100);
      await p.waitForFunction(() => document.getElementById("search-status").textContent !== "", null, { timeout: 10_000 }).catch(() => {});
      await p.waitForTimeout(1000);
      const r = await shown(p);
      const failed = await p.evaluate(() => document.getElementById("search-results").dataset.failed);
      console.log(`another index format (${always ? "every time" : "once"}): ${loads} loads, ${r.results.length} results, "${r.status}"`);
      expect(loads === 2, `another index format (${always ? "every time" : "once"}): the page loaded ${loads} times, expected 2`);
      if (always) expect(r.status === failed && r.results.length === 0, `another index format every time: "${r.status}"`);
      else expect(r.results.length > 0, `another index format once: after loading again "${r.status}", no results`);
      await renewing.close();
    }

    // Without JavaScript: a plain note, and neighbourhoods, kinds and tags as links.
    const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const plain = await off.newPage();
    await plain.goto(`${origin}/zoeken/?q=tuin`, { waitUntil: "load" });
    const noJs = await plain.evaluate(() => ({
      note: document.getElementById("search-noscript")?.checkVisibility() ? document.getElementById("search-noscript").textContent : "",
      hoods: document.querySelectorAll('main a[href^="/buurten/"]').length,
      kinds: document.querySelectorAll('main a[href^="/thema/"]').length,
      tags: document.querySelectorAll('main a[href^="/tags/"]').length,
      results: document.getElementById("search-results").checkVisibility(),
    }));
    console.log("without JavaScript:", noJs);
    expect(/JavaScript/.test(noJs.note) && /buurten/.test(noJs.note), `no-JavaScript note: "${noJs.note}"`);
    expect(noJs.hoods >= 2 && noJs.kinds >= 3 && noJs.tags >= 5 && !noJs.results, `no-JavaScript page: ${JSON.stringify(noJs)}`);
    if (shotsDir) await plain.screenshot({ path: path.join(shotsDir, "search-nojs-360.png"), fullPage: true });
    await off.close();
    const axeContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const axePage = await axeContext.newPage();
    await axePage.route("**/search.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
    await axePage.goto(`${origin}/zoeken/`, { waitUntil: "load" });
    await axe(axePage, "the page without its script");
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) {
    console.log(`\n${failures.length} search page failures:`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exit(1);
  }
  console.log("all search page checks passed");
}

main().catch((e) => {
  console.error(`zoeken: ${e.stack || e}`);
  process.exit(2);
});
