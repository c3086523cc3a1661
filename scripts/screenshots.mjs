// The README's screenshots, taken from the example site as a person sees it in Chromium:
//   cargo build && node scripts/screenshots.mjs
// Builds the example site with a fixed "now", serves it from memory and writes
// docs/screenshots/*.png (compressed with pngquant when it is installed).
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { serveFolder } from "../tests/browser/serve-folder.mjs";

const repo = resolve(new URL("..", import.meta.url).pathname);
const require = createRequire(join(repo, "tests/browser/package.json"));
const { chromium } = require("playwright-core");

const out = mkdtempSync(join(tmpdir(), "plein-shots-"));
execFileSync(join(repo, "target/debug/plein"), ["build", "--root", repo, "--output", join(out, "site")], {
  env: { ...process.env, PLEIN_NOW: "2026-11-25T12:00:00Z" },
  stdio: "inherit",
});
const { server, origin } = await serveFolder(join(out, "site"));

const shots = [
  ["home-1280.png", "/", 1280, 900, 1700],
  ["home-360.png", "/", 360, 780, 1500],
  ["story-1280.png", "/verhalen/florijnflat-krijgt-kleur/", 1280, 900, 1700],
  ["story-360.png", "/verhalen/florijnflat-krijgt-kleur/", 360, 780, 1500],
  ["event-360.png", "/agenda/avond-over-vertrouwde-gezichten/", 360, 780, 780],
];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
for (const [name, path, width, height, clip] of shots) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(origin + path, { waitUntil: "load" });
  const file = join(repo, "docs/screenshots", name);
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height: clip }, fullPage: true });
  try {
    execFileSync("pngquant", ["--force", "--skip-if-larger", "--output", file, "--", file]);
  } catch {
    // Without pngquant the picture stays as Chromium wrote it.
  }
  console.log(`${name}: ${path} at ${width}x${height}`);
  await page.close();
}
await browser.close();
server.close();
