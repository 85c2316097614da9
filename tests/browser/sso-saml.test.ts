/** SAML 2.0 single sign-on in Chromium, against a real SAML identity provider (samlify) started by the test. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';
import { startSamlIdp, type TestSamlIdp } from '../support/saml-idp.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('SAML single sign-on in the browser', () => {
  const t = useSignedInBrowser({ organization: 'Acme SAML', email: 'ada@acme.test' });
  let idp: TestSamlIdp | undefined;
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  afterAll(() => idp?.close());

  async function signInWithIdp(page: Page, login: string) {
    await page.context().clearCookies();
    await page.goto(`${t.server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with Acme Directory' }).click();
    await page.getByRole('heading', { name: 'Test SAML identity provider', level: 1 }).waitFor();
    await page.getByLabel('Login').fill(login);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('an admin chooses SAML 2.0 and saves the IdP metadata on the settings screen', { timeout: 180_000 }, async () => {
    const { page } = t;
    await page.goto(`${t.server.url}/settings/sso`);
    await page.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'SAML 2.0' }).check();
    await page.getByText('Register Cairn at your identity provider with these:').waitFor();
    const view = await page.request.get(`${t.server.url}/api/v1/organization/sso`);
    const { spMetadataUrl } = (await view.json()) as { spMetadataUrl: string };
    idp = await startSamlIdp(spMetadataUrl, {
      sam: { email: 'sam@acme.test', name: 'Sam Saml' },
      eve: { email: 'eve@elsewhere.test', name: 'Eve Elsewhere' },
    });
    await page.getByLabel('Provider name').fill('Acme Directory');
    await page.getByLabel('IdP metadata XML').fill('<not-metadata/>');
    await page.getByLabel('Allowed e-mail domains').fill('acme.test');
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    // Metadata that names no IdP is refused on save, naming the field.
    await page.getByLabel('IdP metadata XML').and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByLabel('IdP metadata XML').fill(idp.metadata);
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByRole('status').filter({ hasText: 'People can now sign in with Acme Directory' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/sso-saml-settings.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/sso-saml-settings-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('signs in through the SAML IdP and out again; a disallowed domain is refused', { timeout: 180_000 }, async () => {
    const context = await t.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInWithIdp(page, 'sam');
    await page.getByRole('button', { name: 'Sam Saml' }).click();
    await page.getByRole('menuitem', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in with Acme Directory' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await signInWithIdp(page, 'eve');
    await page.getByRole('alert').filter({ hasText: 'e-mail domain is not allowed' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/sso-saml-refused.png`, fullPage: true });
    await context.close();
  });
});
