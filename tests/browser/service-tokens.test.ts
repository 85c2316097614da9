/** Owners and admins create, see and revoke the organisation's service tokens on the API tokens page. */
import { describe, expect, it } from 'vitest';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('service tokens in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Tokens Co', email: 'ada@tokens.test' });

  it('creates a service token shown once, lists it with its owner, and revokes it', { timeout: 180_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/settings/tokens`);
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Create service token' });
    await form.getByLabel('Token name').fill('Warehouse sync');
    await form.getByLabel('Post check-ins').check();
    await form.getByLabel('Expires after').selectOption('30');
    await form.getByRole('button', { name: 'Create service token' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Copy your token now' });
    const secret = (await shown.locator('code').textContent())!;
    expect(secret.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: 'Copy' }).waitFor();

    const row = page.getByRole('table', { name: 'Service tokens' }).getByRole('row').filter({ hasText: 'Warehouse sync' });
    await row.getByText('Ada Lovelace').waitFor();
    await row.getByText('read, write:check-ins').waitFor();
    await row.getByText('never').waitFor();
    // The token works as a bearer token, and its use shows as its last use.
    const me = await page.request.get(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    await page.reload();
    await page.getByRole('table', { name: 'Service tokens' }).getByRole('row').filter({ hasText: 'Warehouse sync' }).waitFor();
    expect(await row.getByText('never').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/service-tokens.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/service-tokens-375.png`, fullPage: true });

    await page.getByRole('button', { name: 'Revoke service token Warehouse sync' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const after = await page.request.get(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
  });
});
