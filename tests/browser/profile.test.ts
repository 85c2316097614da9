/** A person sets their own title and time zone and changes their password, in the browser. */
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { OWNER_PASSWORD as PASSWORD, useSignedInBrowser } from './signed-in.js';

// Screenshots go to test-results/ unless SCREENSHOT_DIR=docs/screenshots refreshes the README's.
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const EMAIL = 'ada@profile.test';

describe('your profile in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Profile Co', email: EMAIL });

  it('saves title and time zone, and changes the password with errors on the fields', { timeout: 60_000 }, async () => {
    const { page, server, browser } = b;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /Ada Lovelace/ }).click();
    await page.getByRole('menuitem', { name: 'Your profile' }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'Job title' }).fill('Chief Analyst');
    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Berlin');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Job title' }).inputValue()).toBe('Chief Analyst');
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Europe/Berlin');

    await page.getByLabel('Current password').fill('not-the-password');
    await page.getByLabel('New password').fill('a-much-better-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('That is not your current password.').waitFor();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/profile.png`, fullPage: true });
    // Still signed in here; the new password is the one that works from now on.
    await page.reload();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    const fresh = await browser.newContext();
    const signIn = (password: string) =>
      fresh.request.post(`${server.url}/api/auth/sign-in/email`, { data: { email: EMAIL, password }, headers: { origin: server.url } });
    expect((await signIn(PASSWORD)).status()).toBe(401);
    expect((await signIn('a-much-better-passphrase')).status()).toBe(200);
    await fresh.close();
  });
});
