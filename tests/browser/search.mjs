#!/usr/bin/env node
// Search (issue 7) in headless Chromium, on the built example site:
//
//   node tests/browser/search.mjs <built-site-folder> [<screenshot-folder>]
//
// Serves the folder on a free loopback port and, with the keyboard only:
//   - the JavaScript stemmers give the stems of tests/browser/stems.txt (the Rust side's);
//   - typing a query shows the right results in the right order, with the words marked;
//   - an inflected form finds the base form ("tuinen" -> "tuin"), "cafe" finds "café",
//     a half-typed word finds what it begins;
//   - the neighbourhood filter narrows the results; the header field leads to the results;
//   - the status line (aria-live) says how many there are;
//   - every request goes to the local server, only index files that the query needs.
// Exit 0 when all hold, 1 with what failed, 2 when it cannot run.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { fail, launchChromium } from "./chromium.mjs";
import { serveFolder } from "./serve-folder.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));


const failures = [];
function expect(ok, what) {
  if (!ok) failures.push(what);
}

/** The results as the page shows them: titles, meta lines and marked words. */
function shown(page) {
  return page.evaluate(() => ({
    status: document.getElementById("search-status").textContent,
    results: [...document.querySelectorAll("#search-results .result")].map((li) => ({
      title: li.querySelector(".result__title").textContent,
      href: li.querySelector("a").getAttribute("href"),
      meta: li.querySelector(".result__meta").textContent,
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent.toLowerCase()),
    })),
  }));
}

/** Clear the page's field, type `query` and wait for the status line to speak of it. */
async function type(page, query) {
  const field = page.locator("#search-page-q");
  await field.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(query, { delay: 20 });
  await page.waitForFunction(
    (q) => document.getElementById("search-status").textContent.includes(q),
    query.trim(),
    { timeout: 10_000 },
  );
  return shown(page);
}

async function main() {
  const [siteDir, shotsDir] = process.argv.slice(2);
  if (!siteDir || !existsSync(path.join(siteDir, "zoeken/index/manifest.json"))) {
    fail("usage: node search.mjs <built-site-folder> (with zoeken/index/ in it)");
  }
  const { server, origin } = await serveFolder(siteDir);
  const browser = await launchChromium();
  const context = await browser.newContext({ serviceWorkers: "block" });
  const foreign = [];
  const requests = [];
  await context.route((url) => url.origin !== origin, (route) => {
    foreign.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => failures.push(`script error: ${e.message}`));
  page.on("response", async (res) => {
    if (res.status() >= 400) failures.push(`request answered ${res.status()}: ${res.url()}`);
    if (res.url().includes("/zoeken/index/")) {
      const body = await res.body().catch(() => Buffer.alloc(0));
      requests.push({ url: res.url().slice(origin.length), bytes: body.length });
    }
  });
  try {
    await page.goto(`${origin}/zoeken/`, { waitUntil: "load" });

    // The query side stems as the index side does.
    const pairs = readFileSync(path.join(here, "stems.txt"), "utf8").trim().split("\n").map((l) => l.split(" "));
    const wrong = await page.evaluate((pairs) => pairs
      .map(([lang, word, want]) => [lang, word, want, (lang === "nl" ? window.pleinSearch.stemNl : window.pleinSearch.stemEn)(word)])
      .filter((p) => p[2] !== p[3]), pairs);
    for (const [lang, word, want, got] of wrong) failures.push(`stemmer ${lang}: ${word} -> ${got}, the build says ${want}`);

    // Mural stories: the one with the word in its title first, every result marked.
    let r = await type(page, "muurschilderingen ");
    console.log("muurschilderingen:", r.status, r.results.map((x) => `${x.title} [${[...new Set(x.marks)]}]`));
    expect(r.results.length >= 3, `"muurschilderingen" finds ${r.results.length} results, expected at least 3`);
    expect(/muurschildering/i.test(r.results[0]?.title ?? ""), `"muurschilderingen": first result is "${r.results[0]?.title}", expected one with the word in its title`);
    expect(r.results.slice(0, 3).every((x) => x.marks.some((m) => m.startsWith("muurschildering"))), `"muurschilderingen": not every one of the first three results has the word marked`);
    expect(/^\d+ resultaten voor ‘muurschilderingen’$/.test(r.status), `status line says "${r.status}"`);

    // An inflected form finds the base form.
    r = await type(page, "tuinen ");
    console.log("tuinen:", r.status, r.results.map((x) => `${x.title} [${[...new Set(x.marks)]}]`));
    expect(r.results.some((x) => x.marks.includes("tuin")), `"tuinen" marks no "tuin"`);
    r = await type(page, "schilderingen ");
    console.log("schilderingen:", r.status, r.results.map((x) => `${x.title} [${[...new Set(x.marks)]}]`));
    expect(r.results.some((x) => x.marks.includes("schilderen")), `"schilderingen" marks no "schilderen"`);

    // Diacritics folded.
    r = await type(page, "repaircafe ");
    console.log("repaircafe:", r.status, r.results.map((x) => `${x.title} [${[...new Set(x.marks)]}]`));
    expect(/Repaircafé/.test(r.results[0]?.title ?? ""), `"repaircafe": first result is "${r.results[0]?.title}", expected the Repaircafé`);
    expect(r.results.some((x) => x.marks.includes("repaircafé")), `"repaircafe" marks no "repaircafé"`);

    // Prefix while typing.
    r = await type(page, "pluktu");
    console.log("pluktu:", r.status, r.results.map((x) => `${x.title} [${[...new Set(x.marks)]}]`));
    expect(/pluktuin/i.test(r.results[0]?.title ?? ""), `"pluktu": first result is "${r.results[0]?.title}", expected the pluktuin story`);

    // People and neighbourhoods are found too.
    r = await type(page, "zuilenstein ");
    console.log("zuilenstein:", r.status, r.results.map((x) => `${x.title} (${x.meta})`));
    expect(r.results[0]?.title === "Zuilenstein", `"zuilenstein": first result is "${r.results[0]?.title}", expected the neighbourhood`);

    // Ten at a time: the rest come with the "more" button, and focus goes to the first of them.
    expect(r.results.length === 10, `"zuilenstein": ${r.results.length} results on show, expected the first 10`);
    await page.locator("#search-results .search-more").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#search-results .result").length > 10, null, { timeout: 10_000 });
    const after = await page.evaluate(() => ({
      n: document.querySelectorAll("#search-results .result").length,
      focused: document.activeElement?.closest(".result") === document.querySelectorAll("#search-results .result")[10],
      more: !document.querySelector("#search-results .search-more").hidden,
    }));
    expect(after.n === 14 && after.focused && !after.more, `"more" button: ${JSON.stringify(after)}`);

    // axe on the page with results in it.
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
      .then((r) => r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)));
    for (const v of violations) failures.push(`axe on results: ${v}`);

    // The neighbourhood filter, chosen with the keyboard.
    r = await type(page, "koffie ");
    const before = r.results.length;
    await page.locator("#search-area").focus();
    await page.keyboard.press("ArrowDown");
    const area = await page.locator("#search-area option:checked").textContent();
    await page.waitForFunction((n) => document.querySelectorAll("#search-results .result").length !== n || true, before);
    await page.waitForTimeout(300);
    r = await shown(page);
    console.log(`koffie in ${area}:`, r.status, r.results.map((x) => `${x.title} (${x.meta})`));
    expect(r.results.length > 0 && r.results.every((x) => x.meta.includes(area)), `filter ${area}: results outside it`);
    await page.keyboard.press("Home");

    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, "search-1280.png"), fullPage: true });

    // The header field of another page submits to the search page, which shows the results.
    await page.goto(`${origin}/verhalen/`, { waitUntil: "load" });
    await page.locator("#search-q").focus();
    await page.keyboard.type("moestuin");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zoeken\/\?q=moestuin/);
    await page.waitForFunction(() => document.querySelectorAll("#search-results .result").length > 0, null, { timeout: 10_000 });
    r = await shown(page);
    expect(r.results.some((x) => x.marks.includes("moestuin")), `header search "moestuin": no marked results`);
  } finally {
    await browser.close();
    server.close();
  }
  for (const url of new Set(foreign)) failures.push(`request to another host: ${url}`);
  const bytes = requests.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`index requests: ${requests.length}, ${bytes} bytes`);
  if (failures.length) {
    console.log(`\n${failures.length} search check failures:`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exit(1);
  }
  console.log("all search checks passed");
}

main().catch((e) => {
  console.error(`search: ${e.stack || e}`);
  process.exit(2);
});
