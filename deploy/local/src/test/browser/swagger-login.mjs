// Drives Swagger UI on the gateway in Debian's Chromium: signs in to Keycloak through the Authorize dialog
// (authorization code + PKCE, client mitra-swagger), runs one authorized call and saves a screenshot.
// Configured by environment: GATEWAY_URL, MITRA_USERNAME, MITRA_PASSWORD, OPERATION_PATH, EXPECT_TEXT,
// SCREENSHOT, CHROMIUM. Prints one JSON line with the outcome; exits 1 when a step fails.
import { chromium } from 'playwright-core';

const gateway = process.env.GATEWAY_URL;
const operationPath = process.env.OPERATION_PATH;
const expectText = process.env.EXPECT_TEXT;
const screenshot = process.env.SCREENSHOT;
const step = { name: 'launch' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // As root in a sandbox without network: no sandbox, no GPU, and no background calls to Google's hosts.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let outcome;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);

  step.name = 'open Swagger UI';
  await page.goto(`${gateway}/q/swagger-ui/`);
  await page.locator(`.opblock-summary-path[data-path="${operationPath}"]`).first().waitFor();

  step.name = 'open the Authorize dialog';
  await page.locator('button.authorize').first().click();
  const oauth = page.locator('.auth-container').filter({ has: page.locator('input[data-name="clientId"]') }).first();
  await oauth.waitFor();

  step.name = 'sign in to Keycloak';
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    oauth.locator('button.authorize').click(),
  ]);
  await popup.waitForLoadState();
  await popup.locator('#username').fill(process.env.MITRA_USERNAME);
  await popup.locator('#password').fill(process.env.MITRA_PASSWORD);
  await Promise.all([popup.waitForEvent('close'), popup.locator('#kc-login').click()]);
  await page.locator('.dialog-ux button[aria-label="Remove authorization"]').first().waitFor();
  await page.locator('.dialog-ux button.close-modal').first().click();

  step.name = `call GET ${operationPath}`;
  const operation = page.locator('.opblock').filter({ has: page.locator(`.opblock-summary-path[data-path="${operationPath}"]`) }).first();
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor();
  const body = await operation.locator('.live-responses-table tbody .response-col_description pre').first().innerText();
  const code = (await status.innerText()).trim();

  step.name = 'screenshot';
  await operation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: false });
  outcome = { ok: code === '200' && body.includes(expectText), status: code, bodyHasExpectedText: body.includes(expectText) };
} catch (error) {
  outcome = { ok: false, failedStep: step.name, error: String(error.message).split('\n')[0] };
} finally {
  await browser.close();
}
console.log(JSON.stringify(outcome));
process.exit(outcome.ok ? 0 : 1);
