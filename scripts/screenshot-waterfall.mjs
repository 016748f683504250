#!/usr/bin/env node
// Takes the README's picture: opens a waterfall written by `npm run demo` (DEMO_WATERFALL) in a
// headless Chromium and saves a PNG of the whole page.
//
//   node scripts/screenshot-waterfall.mjs <waterfall.html> <out.png>
//
// Needs playwright-core (a dev dependency) and a Chromium: Debian's `chromium` package
// (`apt-get install -y --no-install-recommends chromium`), or CHROMIUM_PATH. playwright's own
// browser download is not used.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [page, out] = process.argv.slice(2);
if (!page || !out) {
  console.error('usage: node scripts/screenshot-waterfall.mjs <waterfall.html> <out.png>');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  // --no-sandbox: Chromium refuses to run as root with its sandbox; the page is our own file.
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const tab = await browser.newPage({
    viewport: { width: 1400, height: 800 },
    deviceScaleFactor: 1,
  });
  await tab.goto(pathToFileURL(resolve(page)).href, { timeout: 15_000 });
  await tab.screenshot({ path: out, fullPage: true, timeout: 15_000 });
  console.log(`${out}: screenshot of ${page}`);
} finally {
  await browser.close();
}
