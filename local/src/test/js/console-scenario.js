// Opens the local console (GET /_local/) in Debian's Chromium through playwright-core, as a developer would,
// saves a full-page screenshot, and prints one JSON line with what the page shows. LocalConsoleIT decides what
// must be there. Environment: CONSOLE_URL, SCREENSHOT (a .png path), CHROMIUM (default /usr/bin/chromium).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const url = process.env.CONSOLE_URL;
  const screenshot = process.env.SCREENSHOT;
  if (!url || !screenshot) {
    throw new Error('CONSOLE_URL and SCREENSHOT must be set');
  }
  // A fresh profile each run; no background traffic (the machine has no network beyond loopback).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'userpool-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const consoleMessages = [];
    page.on('console', (m) => consoleMessages.push(m.type() + ': ' + m.text()));
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    const seen = await page.evaluate(() => ({
      title: document.title,
      text: document.body.innerText,
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      codes: [...document.querySelectorAll('.code')].map((c) => c.textContent),
      userCells: [...document.querySelectorAll('section[id^="pool-"] table tr td:first-child')]
        .map((td) => td.textContent),
      scriptElements: document.querySelectorAll('script').length,
      imgElements: document.querySelectorAll('img').length,
      elementsWithHandlers: [...document.querySelectorAll('*')]
        .filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
    }));
    console.log(JSON.stringify({ status: response.status(), contentType: response.headers()['content-type'],
      consoleMessages, ...seen }));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
