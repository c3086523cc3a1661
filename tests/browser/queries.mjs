#!/usr/bin/env node
// The search of themes/buurt/static/search.js in Node, without a browser, against the built
// index of tests/sites/zoeken (issue 18):
//
//   node tests/browser/queries.mjs <built-site-folder>
//
// Each query of QUERIES must find its stories among its first 10 results (recall at 10), and
// where `first` is given, that story first; where `top` is, those stories before all others
// (the stories with the word itself before those with it only in a compound). A query whose words find nothing must offer a
// suggestion ("Bedoelde je …?"): `via` says which, and the query is then searched with it,
// as a reader who follows the link.
// Exit 0 when all hold, 1 with what failed, 2 when it cannot run.

import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** [query, stories it must find, { first, via }]: compounds, linking letters, diminutives,
 * spacing, inflections, typos and English words. */
const QUERIES = [
  ["tuin", ["tuin", "hek", "speeltuin", "pluktuin", "schooltuin", "geveltuintjes"], { top: ["tuin", "hek"] }],
  ["tuinen", ["tuin", "hek", "speeltuin", "pluktuin", "schooltuin", "geveltuintjes"], { top: ["tuin", "hek"] }],
  ["speeltuin", ["speeltuin"], { first: "speeltuin" }],
  ["schilderen", ["muurschildering"]],
  ["muur", ["muurschildering"], { first: "muurschildering" }],
  ["boek", ["boekenkast"], { first: "boekenkast" }],
  ["kast", ["boekenkast"]],
  ["boerderij", ["kinderboerderij"]],
  ["stad", ["kinderboerderij"]],
  ["kinderen", ["kinderboerderij", "speeltuin", "schooltuin"]],
  ["repair café", ["repaircafe", "vrijwilligersavond"], { first: "repaircafe" }],
  ["repair cafe", ["repaircafe"], { first: "repaircafe" }],
  ["buurt huis", ["buurthuis"], { first: "buurthuis" }],
  ["speel-tuin", ["speeltuin"], { first: "speeltuin" }],
  ["koffie ochtend", ["koffieochtend", "vrijwilligersavond"], { first: "koffieochtend" }],
  ["vrijwilliger", ["vrijwilligersavond", "repaircafe"]],
  ["avond", ["vrijwilligersavond"]],
  ["ochtend", ["koffieochtend", "vrijwilligersavond"]],
  ["schuur", ["schuurtje"]],
  ["moestuin", ["schuurtje"]],
  ["bloemetjes", ["pluktuin"]],
  ["gardening", ["community-garden"]],
  ["garden", ["community-garden"]],
  ["harvest", ["community-garden"]],
  ["communitygarden", ["community-garden"], { first: "community-garden" }],
  ["lindeplein speeltuin", ["speeltuin"], { first: "speeltuin" }],
  ["bushalte muurschildering", ["muurschildering"], { first: "muurschildering" }],
  ["speeltuiin", ["speeltuin"], { via: "speeltuin" }],
  ["muurschildring", ["muurschildering"], { via: "muurschildering" }],
  ["boekenksat", ["boekenkast"], { via: "boekenkast" }],
  ["koffieochtnd", ["koffieochtend"], { via: "koffieochtend" }],
  ["vrijwiligers", ["vrijwilligersavond", "repaircafe"], { via: "vrijwilligers" }],
];

const site = process.argv[2];
if (!site || !existsSync(path.join(site, "zoeken/index/manifest.json"))) {
  console.error("usage: node queries.mjs <built-site-folder> (with zoeken/index/ in it)");
  process.exit(2);
}
const script = readFileSync(path.join(here, "../../themes/buurt/static/search.js"), "utf8");
const window = {};
vm.runInNewContext(script, { window, document: { querySelector: () => null } }, { filename: "search.js" });
const { engine } = window.pleinSearch ?? {};
if (!engine) {
  console.error("search.js did not hand over window.pleinSearch.engine");
  process.exit(2);
}

let fetched = 0;
/** A fresh engine per query, so that each counts the files it fetches. */
function fresh() {
  return engine(async (rel) => {
    const text = readFileSync(path.join(site, "zoeken/index", rel), "utf8");
    fetched += text.length;
    return JSON.parse(text);
  });
}

const slug = (doc) => doc.u.replace(/^\/verhalen\/|\/$/g, "");
const failures = [];
let wanted = 0;
let found = 0;
for (const [query, expected, { first, via, top: before } = {}] of QUERIES) {
  const index = fresh();
  fetched = 0;
  let r = await index.search(`${query} `);
  let asked = query;
  if (via) {
    const offered = r.suggestions.flatMap(([, near]) => near);
    if (r.ranked.length || !offered.includes(via)) {
      failures.push(`"${query}": ${r.ranked.length} results and suggestions [${offered}], expected none and "${via}"`);
    }
    asked = via;
    r = await index.search(`${via} `);
  }
  const top = (await index.documents(r.ranked.slice(0, 10))).map(slug);
  const hits = expected.filter((s) => top.includes(s));
  wanted += expected.length;
  found += hits.length;
  console.log(`${query}${via ? ` -> ${asked}` : ""}: ${hits.length}/${expected.length} [${top.join(", ")}] ${(fetched / 1024).toFixed(1)} KB`);
  if (hits.length < expected.length) failures.push(`"${query}": missing ${expected.filter((s) => !top.includes(s))} in [${top}]`);
  if (first && top[0] !== first) failures.push(`"${query}": first is ${top[0]}, expected ${first}`);
  if (before && !before.every((s) => top.slice(0, before.length).includes(s))) {
    failures.push(`"${query}": first are ${top.slice(0, before.length)}, expected ${before}`);
  }
}
console.log(`recall at 10: ${found}/${wanted} = ${(found / wanted).toFixed(3)} over ${QUERIES.length} queries`);
if (failures.length) {
  console.log(`\n${failures.length} query failures:`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log("all queries found their stories");
