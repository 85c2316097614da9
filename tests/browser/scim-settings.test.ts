/** Admins connect an identity provider on the provisioning page: base URL, a SCIM token shown once, its last use, revocation. */
import { describe, expect, it } from 'vitest';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('SCIM provisioning settings in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Provisioned Co', email: 'ada@scim.test' }, { width: 1366, height: 900 });

  it('creates a SCIM token shown once, shows its last use after a real SCIM request, and revokes it', { timeout: 180_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/settings/tokens`);
    await page.getByRole('link', { name: 'Provisioning (SCIM)' }).first().click();
    await page.getByRole('heading', { name: 'Provisioning (SCIM)', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/settings/scim`);
    const baseUrl = page.getByRole('textbox', { name: 'SCIM base URL' });
    await expect.poll(() => baseUrl.inputValue()).toBe(`${server.url}/scim/v2`);
    await page.getByText('ends every session and API token they have, at once').waitFor();
    await page.getByText('No SCIM tokens yet.').waitFor();

    const form = page.getByRole('form', { name: 'Create SCIM token' });
    await form.getByLabel('Token name').fill('Microsoft Entra');
    await form.getByRole('button', { name: 'Create SCIM token' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Copy your token now' });
    const secret = (await shown.locator('code').textContent())!;
    expect(secret).toMatch(/^cairn_scim_/);
    const row = page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row').filter({ hasText: 'Microsoft Entra' });
    await row.getByText('never').waitFor();

    // The identity provider's first request: a real HTTP call to the SCIM endpoint with the token.
    const lookUp = () =>
      page.request.get(`${server.url}/scim/v2/Users?filter=${encodeURIComponent('userName eq "ada@scim.test"')}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
    const users = await lookUp();
    expect(users.status()).toBe(200);
    expect(await users.json()).toMatchObject({ totalResults: 1, Resources: [{ userName: 'ada@scim.test' }] });
    await page.reload();
    await row.waitFor();
    expect(await row.getByText('never').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/scim-settings.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    // The table's scroll area measures itself after the resize (a ResizeObserver): give it its frame.
    await expect.poll(() => scrollsSideways(page), { timeout: 5_000 }).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/scim-settings-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('button', { name: 'Revoke SCIM token Microsoft Entra' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const refused = await lookUp();
    expect(refused.status()).toBe(401);
    expect(refused.headers()['content-type']).toMatch(/^application\/scim\+json/);
    expect(await refused.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
  });
});
