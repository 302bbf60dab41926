// Amplify JS v6 signInWithRedirect against the hosted sign-in, in headless Chromium (playwright-core, Debian's
// /usr/bin/chromium). Bundles amplify-redirect-app.mjs with esbuild to USERPOOL_BUNDLE, opens the test's page
// (USERPOOL_APP_URL), calls signInWithRedirect, signs in on /login, returns to the page and reads fetchAuthSession.
// Amplify always calls https://<domain>; the browser's requests to it are forwarded to the local server's http
// address unchanged (USERPOOL_DOMAIN → USERPOOL_ENDPOINT). Prints one JSON line per step.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const report = (step, ok, extra = {}) => console.log(JSON.stringify({ step, ok, ...extra }));
const endpoint = env('USERPOOL_ENDPOINT');
const domain = env('USERPOOL_DOMAIN');
const appUrl = env('USERPOOL_APP_URL');

const profile = mkdtempSync(join(tmpdir(), 'userpool-chromium-'));
let context;
try {
  await build({
    entryPoints: ['amplify-redirect-app.mjs'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    outfile: env('USERPOOL_BUNDLE'),
    logLevel: 'warning',
  });
  report('bundled', true);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const forwarded = [];
  await context.route(`https://${domain}/**`, async (route) => {
    const url = new URL(route.request().url());
    forwarded.push(url.pathname);
    const response = await route.fetch({ url: endpoint + url.pathname + url.search, maxRedirects: 0 });
    await route.fulfill({ response });
  });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(appUrl);
  await page.waitForFunction(() => window.userpoolReady === true);
  const before = await page.evaluate(() => window.userpool.session());
  report('noSessionYet', before.signedIn === false);

  await Promise.all([page.waitForURL('**/login?**'), page.evaluate(() => { window.userpool.signIn(); })]);
  report('hostedLogin', true, { url: page.url() });
  await page.fill('input[name="username"]', env('USERPOOL_USERNAME'));
  await page.fill('input[name="password"]', env('USERPOOL_PASSWORD'));
  await Promise.all([page.waitForURL(`${appUrl}**`), page.click('button[name="signInSubmitButton"]')]);
  report('backAtApp', true, { url: page.url() });
  await page.waitForFunction(() => window.userpoolReady === true);
  let session = { signedIn: false };
  for (let i = 0; i < 40 && !session.signedIn; i++) {
    session = await page.evaluate(() => window.userpool.session());
    if (!session.signedIn) await page.waitForTimeout(250);
  }
  report('session', session.signedIn, { ...session, forwarded });
} catch (e) {
  report('error', false, { error: String(e && e.stack || e) });
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
