// The hosted sign-in page in real headless Chromium (Debian's /usr/bin/chromium through playwright-core): open the
// authorize URL, land on /login, fill in the form, submit, and arrive at the callback with a code. Screenshots of the
// page go to USERPOOL_SCREENSHOT_DIR. Prints one JSON line per step; HostedPageBrowserIT decides what must pass.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const authorizeUrl = env('USERPOOL_AUTHORIZE_URL');
const redirectUri = env('USERPOOL_REDIRECT_URI');
const shots = env('USERPOOL_SCREENSHOT_DIR');
const report = (step, ok, extra = {}) => console.log(JSON.stringify({ step, ok, ...extra }));

const profile = mkdtempSync(join(tmpdir(), 'userpool-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(authorizeUrl);
  const loginUrl = page.url();
  report('loginPage', loginUrl.includes('/login?'), { url: loginUrl, title: await page.title() });
  await page.screenshot({ path: join(shots, 'hosted-login.png'), fullPage: true });

  await page.fill('input[name="username"]', env('USERPOOL_USERNAME'));
  await page.fill('input[name="password"]', 'wrong-password-1A!');
  await page.click('button[type="submit"]');
  await page.waitForLoadState('load');
  const error = await page.textContent('.error');
  report('wrongPassword', Boolean(error), { message: error });
  await page.screenshot({ path: join(shots, 'hosted-login-error.png'), fullPage: true });

  await page.fill('input[name="password"]', env('USERPOOL_PASSWORD'));
  await Promise.all([
    page.waitForURL(`${redirectUri}**`),
    page.click('button[type="submit"]'),
  ]);
  const url = new URL(page.url());
  report('callback', url.searchParams.has('code'), { state: url.searchParams.get('state'),
    hasCode: url.searchParams.has('code') });
} catch (e) {
  report('error', false, { error: String(e && e.stack || e) });
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
