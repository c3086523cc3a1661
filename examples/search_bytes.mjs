#!/usr/bin/env node
// The bytes a query fetches from a built site's search index, searched the way the page does
// (themes/buurt/static/search.js, in Node): the manifest, the chunks of its words, joined
// words and compound parts, word lists for suggestions, and the document files of the first
// ten results.
//
//   cargo run --release --example bench -- 10000 --generate-only
//   target/release/plein build --root target/bench/site-10000 --output /dev/shm/s10k
//   node examples/search_bytes.mjs /dev/shm/s10k tuinen "buurt huis" moestuinn ...
//
// Each query starts with nothing fetched, as a reader's first query does. The bytes are the
// files' own; "gzip" is what a host that compresses on the fly (or `plein deploy` with
// `compress: gzip`) sends of them.

import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  console.error("usage: node search_bytes.mjs <built-site> <query>...");
  process.exit(2);
}
const script = readFileSync(path.join(here, "../themes/buurt/static/search.js"), "utf8");
const window = {};
vm.runInNewContext(script, { window, document: { querySelector: () => null } });
const manifest = JSON.parse(readFileSync(path.join(site, "zoeken/index/manifest.json"), "utf8"));
let total = 0;
let totalGzip = 0;
for (const query of queries) {
  let bytes = 0;
  let gzip = 0;
  let files = 0;
  const index = window.pleinSearch.engine(async (rel) => {
    const buf = readFileSync(path.join(site, "zoeken/index", rel));
    bytes += buf.length;
    gzip += gzipSync(buf).length;
    files++;
    return JSON.parse(buf);
  });
  const started = performance.now();
  const r = await index.search(`${query} `);
  await index.documents(r.ranked.slice(0, 10));
  const ms = performance.now() - started;
  const offered = r.suggestions.flatMap(([, near]) => near);
  console.log(`${JSON.stringify(query)}: ${r.ranked.length} hits, ${files} files, ${(bytes / 1024).toFixed(1)} KB (gzip ${(gzip / 1024).toFixed(1)}), ${ms.toFixed(0)} ms${offered.length ? `, suggests ${offered}` : ""}`);
  total += bytes;
  totalGzip += gzip;
}
const average = (n) => (n / queries.length / 1024).toFixed(1);
console.log(`average over ${queries.length} queries: ${average(total)} KB (gzip ${average(totalGzip)}) (${manifest.docs} documents)`);
