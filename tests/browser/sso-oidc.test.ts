/** Single sign-on in Chromium, against a real OpenID provider (oidc-provider) started by the test. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';
import { startTestIdp, type TestIdp } from '../support/oidc-idp.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('single sign-on in the browser', () => {
  const t = useSignedInBrowser({ organization: 'Acme SSO', email: 'ada@acme.test' });
  let idp: TestIdp;
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  afterAll(() => idp?.close());

  async function signInWithIdp(page: Page, login: string) {
    // A fresh browser session at the IdP too, so its login page asks again.
    await page.context().clearCookies();
    await page.goto(`${t.server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with Acme Login' }).click();
    await page.getByRole('heading', { name: 'Test identity provider', level: 1 }).waitFor();
    await page.getByLabel('Login').fill(login);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('an admin configures the provider on the settings screen', { timeout: 180_000 }, async () => {
    const { page } = t;
    await page.goto(`${t.server.url}/settings/sso`);
    await page.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
    const callback = (await page.locator('code').first().textContent()) ?? '';
    expect(callback).toMatch(/\/api\/auth\/sso\/callback\/org-/);
    idp = await startTestIdp(callback, {
      bea: { email: 'bea@acme.test', emailVerified: true, name: 'Bea Browser' },
      eve: { email: 'eve@elsewhere.test', emailVerified: true, name: 'Eve Elsewhere' },
    });
    await page.getByLabel('Provider name').fill('Acme Login');
    await page.getByLabel('Issuer URL').fill('http://idp.example.com');
    await page.getByLabel('Client id').fill(idp.clientId);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await page.getByLabel('Allowed e-mail domains').fill('acme.test');
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByText('The issuer must use https').waitFor();
    await page.getByLabel('Issuer URL').fill(idp.issuer);
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByRole('status').filter({ hasText: 'People can now sign in with Acme Login' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/sso-settings.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/sso-settings-375.png`, fullPage: true });
  });

  it(
    'signs in through the IdP, lands signed in, signs out; a disallowed domain and a removed account are refused',
    { timeout: 180_000 },
    async () => {
      const context = await t.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${t.server.url}/sign-in`);
      await page.getByRole('button', { name: 'Sign in with Acme Login' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/sso-sign-in.png` });

      await signInWithIdp(page, 'bea');
      await page.getByRole('button', { name: 'Bea Browser' }).click();
      await page.getByRole('menuitem', { name: /Sign out/ }).click();
      await page.getByRole('button', { name: 'Sign in with Acme Login' }).waitFor();

      await signInWithIdp(page, 'eve');
      await page.getByRole('alert').filter({ hasText: 'e-mail domain is not allowed' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 375, height: 800 });
      await expect.poll(() => scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: `${SHOTS}/sso-refused-375.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      idp.accounts.delete('bea');
      await signInWithIdp(page, 'bea');
      await page.getByRole('alert').filter({ hasText: 'This account is disabled' }).waitFor();
      await context.close();
    },
  );
});
