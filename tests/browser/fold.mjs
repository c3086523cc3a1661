#!/usr/bin/env node
// The browser's folding and stemming against the index's, word by word, in Node without a
// browser (issue 15):
//
//   node tests/browser/fold.mjs <vocabulary.tsv>...
//
// Each line of a vocabulary file (tests/browser.rs writes them from a built site) is a word as
// written in the site, then the words src/render/search/words.rs folds it into, their Dutch
// stems, their English stems, and the compound parts of those stems as
// src/render/search/compound.rs cuts them (parts joined by "+", "." for none): six
// tab-separated fields, words within a field separated by spaces. Two first lines
// "#known-nl" and "#known-en" give the stems the cutting may use as parts. themes/buurt/static/search.js runs in a bare vm context (a window, and a document
// without a search form, so it sets up nothing but its folding and stemmers) and must give the
// same words and stems for every line.
// Exit 0 when all agree, 1 with the words that do not, 2 when it cannot run.

import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node fold.mjs <vocabulary.tsv>...");
  process.exit(2);
}

const script = readFileSync(path.join(here, "../../themes/buurt/static/search.js"), "utf8");
const window = {};
vm.runInNewContext(script, { window, document: { querySelector: () => null } }, { filename: "search.js" });
const { words, stemNl, stemEn, parts } = window.pleinSearch ?? {};
if (!words || !stemNl || !stemEn || !parts) {
  console.error("search.js did not hand over window.pleinSearch.{words, stemNl, stemEn, parts}");
  process.exit(2);
}

const wrong = [];
let checked = 0;
let cut = 0;
for (const file of files) {
  const known = { nl: new Set(), en: new Set() };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    if (line.startsWith("#known-")) {
      const [head, list] = line.split("\t");
      known[head.slice(7)] = new Set(list ? list.split(" ") : []);
      continue;
    }
    const [written, folded, nl, en, partsNl, partsEn] = line.split("\t");
    checked++;
    const got = words(written);
    if (got.join(" ") !== folded) {
      wrong.push(`${written}: folds to [${got.join(" ")}], the index to [${folded}]`);
      continue;
    }
    const want = { nl: nl ? nl.split(" ") : [], en: en ? en.split(" ") : [] };
    const wantParts = { nl: (partsNl ?? "").split(" "), en: (partsEn ?? "").split(" ") };
    got.forEach((w, i) => {
      if (stemNl(w) !== want.nl[i]) wrong.push(`${written}: Dutch stem of ${w} is ${stemNl(w)}, the index's ${want.nl[i]}`);
      if (stemEn(w) !== want.en[i]) wrong.push(`${written}: English stem of ${w} is ${stemEn(w)}, the index's ${want.en[i]}`);
      for (const [lang, s] of [["nl", want.nl[i]], ["en", want.en[i]]]) {
        const mine = parts(lang, s, (p) => known[lang].has(p));
        const theirs = wantParts[lang][i] === "." ? [] : (wantParts[lang][i] ?? "").split("+");
        if (mine.join("+") !== theirs.join("+")) wrong.push(`${written}: ${lang} parts of ${s} are [${mine}], the index's [${theirs}]`);
        if (theirs.length) cut++;
      }
    });
  }
}
if (checked === 0) {
  console.error("the vocabulary files are empty");
  process.exit(2);
}
if (wrong.length) {
  console.log(`${wrong.length} of ${checked} words differ from the index:`);
  for (const w of wrong.slice(0, 200)) console.log(`  ${w}`);
  process.exit(1);
}
if (cut === 0) {
  console.error("no word was cut into parts: the vocabulary has no compounds to compare");
  process.exit(2);
}
console.log(`${checked} words fold, stem and cut as the index does (${cut} stems cut into parts)`);
