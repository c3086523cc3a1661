// Shared by check.mjs and reload.mjs: Debian's Chromium, driven by playwright-core.
// Never a browser that Playwright downloads: executablePath is always the system one.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.PLEIN_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Say why the script cannot run at all, and stop with status 2. */
export function fail(message) {
  console.error(`${process.argv[1]?.split("/").pop() ?? "browser test"}: ${message}`);
  process.exit(2);
}

/** Launch Chromium headless with a fresh temporary profile (Playwright makes one per launch). */
export async function launchChromium() {
  let chromium;
  try {
    ({ chromium } = require("playwright-core"));
  } catch (e) {
    fail(`cannot load playwright-core (${e.message}); run \`npm ci\` in tests/browser (scripts/test does)`);
  }
  if (!existsSync(CHROMIUM)) {
    fail(`${CHROMIUM} is missing; install it with \`apt-get install chromium\` (scripts/test does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}
