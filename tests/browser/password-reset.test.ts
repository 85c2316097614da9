/** "Forgot password?" from the sign-in page to a new password, through a real SMTP server. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, scrollsSideways, seriousAxeViolations } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';
import { startSmtpReceiver, type SmtpReceiver } from '../rhythm/receivers.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const EMAIL = 'ada@reset.test';

describe('password reset in the browser', () => {
  let smtp: SmtpReceiver;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtpReceiver();
    server = await startWebServer({ smtpUrl: smtp.url });
    browser = await launchBrowser();
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        organization: 'Reset Co',
        name: 'Ada Lovelace',
        email: EMAIL,
        password: 'correct-horse-battery',
        setupCode: TEST_SETUP_CODE,
      }),
    });
    expect(setup.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('asks for a link, follows it, sets a new password and signs in with it', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'a reset link is on its way' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/forgot-password.png` });

    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(1);
    const link = /http\S+\/reset-password\?token=\S+/.exec(smtp.messages[0]!.text)![0];
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/reset-password.png` });
    await page.getByLabel('New password').fill('a fresh start passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();

    // The link works once: opened again it is refused, with a way to ask for another.
    await page.goto(link);
    await page.getByLabel('New password').fill('yet another passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'already used or has expired' }).waitFor();

    await page.goto(server.url);
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password' }).fill('a fresh start passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Ada Lovelace' }).waitFor();
    await page.close();
  });

  it('fits a 375 px phone', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    for (const path of ['/forgot-password', '/reset-password?token=x']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('button').first().waitFor();
      await expect.poll(() => scrollsSideways(page)).toBe(false);
    }
    await page.screenshot({ path: `${SHOTS}/reset-password-375.png` });
    await page.close();
  });
});
