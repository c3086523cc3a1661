// Do two plein binaries give pages that look the same? Builds the example site (and, with
// --bench, a benchmark site) with each, opens the same pages of both in headless Chromium and
// compares screenshots pixel by pixel:
//   node scripts/same-screens.mjs OLD_PLEIN NEW_PLEIN [--bench SITE] [--out DIR]
// e.g. node scripts/same-screens.mjs /work/benchbin/release/plein target/debug/plein \
//        --bench target/bench-1000
// Each binary builds the example site with its own built-in theme. Full pages at 360x780 and 1280x900, and the first screen of the pages with story cards at
// widths from 360 to 1920 pixels (where a card's clamped summary changes its lines). Both
// builds get the same --now. Prints each page that differs and saves the old, the new and a
// picture of the differing pixels (red) in DIR (default: a new temporary folder); exits 1 when
// any page differs, 0 when all are the same, 2 when it cannot run.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launchChromium, fail } from "../tests/browser/chromium.mjs";
import { serveFolder } from "../tests/browser/serve-folder.mjs";

const repo = resolve(new URL("..", import.meta.url).pathname);
const NOW = "2026-11-25T12:00:00Z";
/** How far a pixel's channel may move unnoticed: Chromium draws the rounded corners of a
 * picture with an antialiasing that differs between two shots of one page (by up to 24 of
 * 255). Text, lines and colours that move differ by far more. */
const TOLERANCE = 32;

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  if (value === undefined) fail(`${name} needs a value`);
  return value;
};
const bench = option("--bench");
const out = resolve(option("--out") ?? mkdtempSync(join(tmpdir(), "plein-screens-")));
if (args.length !== 2) {
  fail("usage: node scripts/same-screens.mjs OLD_PLEIN NEW_PLEIN [--bench SITE] [--out DIR]");
}
const [oldPlein, newPlein] = args.map((a) => resolve(a));

/** The pages to compare: [site, path, cards] where `cards` asks for the many-widths pass. */
const PAGES = [
  ["example", "/", true],
  ["example", "/verhalen/", true],
  ["example", "/verhalen/florijnflat-krijgt-kleur/", false],
  ["example", "/verhalen/drie-buurten-aan-een-tafel/", false],
  ["example", "/agenda/avond-over-vertrouwde-gezichten/", false],
  ["example", "/agenda/", false],
  ["example", "/buurten/", false],
  ["example", "/buurten/muntenbuurt/", true],
  ["example", "/thema/muurschildering/", false],
  ["example", "/tags/", false],
  ["example", "/tags/vertrouwde-gezichten/", false],
  ["example", "/mensen/", false],
  ["example", "/mensen/fatima-el-amrani/", false],
  ["example", "/zoeken/", false],
  ["example", "/zoeken/?q=muur", false],
  ["example", "/over/", false],
  ["example", "/404.html", false],
];
const BENCH_PAGES = [
  ["bench", "/", true],
  ["bench", "/verhalen/", false],
  ["bench", "/verhalen/pagina/2/", false],
  ["bench", "/verhalen/story-0/", true],
  ["bench", "/tags/onderwerp-0/", true],
  ["bench", "/tags/onderwerp-0/pagina/2/", false],
  ["bench", "/buurten/hood-4/", true],
  ["bench", "/thema/tuin/", false],
];
const SIZES = [
  [360, 780],
  [1280, 900],
];
/** Window widths for the first screen of pages with cards: each side of every layout step. */
const CARD_WIDTHS = [360, 390, 430, 520, 600, 703, 704, 760, 840, 960, 1055, 1056, 1180, 1280, 1440, 1680, 1920];

function build(plein, root, dir) {
  execFileSync(plein, ["build", "--root", root, "--output", dir, "--now", NOW], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// The example site without its themes/ folder, so that each binary builds it with the theme
// it was built with (the repository's theme is the new one).
const example = mkdtempSync(join(tmpdir(), "plein-screens-example-site-"));
cpSync(join(repo, "plein.yaml"), join(example, "plein.yaml"));
cpSync(join(repo, "content"), join(example, "content"), { recursive: true });
const sites = { example };
if (bench) sites.bench = resolve(bench);
const servers = {};
for (const [name, root] of Object.entries(sites)) {
  const built = mkdtempSync(join(tmpdir(), `plein-screens-${name}-`));
  build(oldPlein, root, join(built, "old"));
  build(newPlein, root, join(built, "new"));
  servers[name] = {
    built,
    old: await serveFolder(join(built, "old")),
    new: await serveFolder(join(built, "new")),
  };
}

const browser = await launchChromium();
/** A page with every picture loaded, so lazy loading cannot make two shots differ. */
async function shot(context, url, fullPage) {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "load" });
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = "eager";
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
    await document.fonts.ready;
    // Two frames and a moment more: Chromium redraws a scaled picture once it has decoded it.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await new Promise((done) => setTimeout(done, 150));
  });
  const png = await page.screenshot({ fullPage, animations: "disabled", caret: "hide" });
  await page.close();
  return { png, status: response?.status() };
}

/** Compares two PNGs in the browser; returns the count of differing pixels and a diff PNG. */
async function compare(context, a, b) {
  const page = await context.newPage();
  const result = await page.evaluate(
    async ([a, b, tolerance]) => {
      const load = async (b64) => createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const [x, y] = [await load(a), await load(b)];
      const w = Math.max(x.width, y.width);
      const h = Math.max(x.height, y.height);
      const pixels = (bitmap) => {
        const c = new OffscreenCanvas(w, h);
        const g = c.getContext("2d");
        g.drawImage(bitmap, 0, 0);
        return g.getImageData(0, 0, w, h);
      };
      const [p, q] = [pixels(x), pixels(y)];
      const diff = new ImageData(w, h);
      let count = 0;
      let most = 0;
      for (let i = 0; i < p.data.length; i += 4) {
        let delta = 0;
        for (let k = 0; k < 4; k++) delta = Math.max(delta, Math.abs(p.data[i + k] - q.data[i + k]));
        most = Math.max(most, delta);
        const same = delta <= tolerance;
        if (!same) count++;
        diff.data.set(same ? [p.data[i], p.data[i + 1], p.data[i + 2], 40] : [255, 0, 0, 255], i);
      }
      const c = new OffscreenCanvas(w, h);
      c.getContext("2d").putImageData(diff, 0, 0);
      const blob = await c.convertToBlob({ type: "image/png" });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = "";
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { count, most, sizes: [`${x.width}x${x.height}`, `${y.width}x${y.height}`], diff: btoa(s) };
    },
    [a.toString("base64"), b.toString("base64"), TOLERANCE],
  );
  await page.close();
  return result;
}

const differ = [];
const faint = [];
let compared = 0;
async function check(site, path, width, height, fullPage) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
  let a = await shot(context, servers[site].old.origin + path, fullPage);
  let b = await shot(context, servers[site].new.origin + path, fullPage);
  if (!a.png.equals(b.png)) {
    // Once more: a picture's edge is sometimes drawn before its last redraw.
    a = await shot(context, servers[site].old.origin + path, fullPage);
    b = await shot(context, servers[site].new.origin + path, fullPage);
  }
  compared++;
  const label = `${site} ${path} ${width}x${height}${fullPage ? " full" : ""}`;
  if (a.status !== b.status) {
    differ.push(`${label}: answered ${a.status} before, ${b.status} now`);
  } else if (!a.png.equals(b.png)) {
    const { count, most, sizes, diff } = await compare(context, a.png, b.png);
    if (count === 0 && sizes[0] === sizes[1]) {
      faint.push(`${label}: by up to ${most}`);
    } else {
      const name = `${site}${path.replace(/[^a-z0-9]+/gi, "-")}${width}x${height}`;
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `${name}-old.png`), a.png);
      writeFileSync(join(out, `${name}-new.png`), b.png);
      writeFileSync(join(out, `${name}-diff.png`), Buffer.from(diff, "base64"));
      differ.push(`${label}: ${count} pixels differ, by up to ${most} (${sizes[0]} before, ${sizes[1]} now): ${join(out, name)}-*.png`);
    }
  }
  await context.close();
}

const pages = bench ? [...PAGES, ...BENCH_PAGES] : PAGES;
for (const [site, path] of pages) {
  for (const [width, height] of SIZES) await check(site, path, width, height, true);
}
for (const [site, path, cards] of pages) {
  if (!cards) continue;
  for (const width of CARD_WIDTHS) await check(site, path, width, 900, false);
}
await browser.close();
for (const s of Object.values(servers)) {
  s.old.server.close();
  s.new.server.close();
  rmSync(s.built, { recursive: true, force: true });
}
rmSync(example, { recursive: true, force: true });
for (const line of differ) console.log(`differs: ${line}`);
console.log(
  `${compared} screenshots compared, ${differ.length} differ` +
    (faint.length ? `, ${faint.length} more only by antialiasing (a channel by at most ${TOLERANCE})` : ""),
);
process.exit(differ.length ? 1 : 0);
