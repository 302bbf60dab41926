// The hosted sign-in page in real headless Chromium (Debian's /usr/bin/chromium through playwright-core): open the
// authorize URL, land on /login, fill in the form, submit, and arrive at the callback with a code. Screenshots of the
// page go to USERPOOL_SCREENSHOT_DIR. Prints one JSON line per step; HostedPageBrowserIT decides what must pass.
// Second scenario (USERPOOL_SIGNUP_AUTHORIZE_URL, a pool that requires MFA): the /login page's sign-up link →
// /signup → /confirm with the emailed code → /login → TOTP setup with a code → the callback. The test's helper
// (USERPOOL_HELPER_URL) answers the codes: /code?username= from the local outbox, /totp?secret= computed in Java.
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
  const error = await page.textContent('.errorMessage-customizable');
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

  const signupAuthorize = process.env.USERPOOL_SIGNUP_AUTHORIZE_URL;
  if (signupAuthorize) {
    const helper = env('USERPOOL_HELPER_URL');
    const ask = async (path) => {
      const r = await fetch(helper + path);
      if (!r.ok) throw new Error(`helper ${path} answered ${r.status}`);
      return (await r.text()).trim();
    };
    const username = env('USERPOOL_NEW_USERNAME');
    const password = env('USERPOOL_PASSWORD');
    await page.goto(signupAuthorize);
    await Promise.all([page.waitForURL('**/signup?**'), page.click('a[href*="/signup?"]')]);
    report('signupPage', true, { title: await page.title() });
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="requiredAttributes[email]"]', `${username}@example.com`);
    await page.fill('input[name="password"]', password);
    await page.click('button[name="signUpButton"]');
    await page.waitForLoadState('load');
    await page.screenshot({ path: join(shots, 'hosted-confirm.png'), fullPage: true });
    await page.fill('input[name="confirmation_code"]', await ask(`/code?username=${encodeURIComponent(username)}`));
    await Promise.all([page.waitForURL('**/login?**'), page.click('button[name="confirm"]')]);
    report('confirmed', true, { url: page.url() });
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
    await page.click('button[name="signInSubmitButton"]');
    await page.waitForLoadState('load');
    const secret = (await page.textContent('#secret-code')).trim();
    report('mfaSetupPage', secret.length > 0, { title: await page.title() });
    await page.screenshot({ path: join(shots, 'hosted-mfa-setup.png'), fullPage: true });
    await page.fill('input[name="code"]', await ask(`/totp?secret=${encodeURIComponent(secret)}`));
    await Promise.all([
      page.waitForURL(`${redirectUri}**`),
      page.click('button[name="signInSubmitButton"]'),
    ]);
    const done = new URL(page.url());
    report('signupCallback', done.searchParams.has('code'), { state: done.searchParams.get('state'),
      code: done.searchParams.get('code'),
      hasCode: done.searchParams.has('code') });
  }
} catch (e) {
  report('error', false, { error: String(e && e.stack || e) });
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
