/**
 * "Who can see this" in the objective form: the owner makes a published objective private and names Vera. Vera
 * then finds it (badge, page, tree); Mia, another member, gets the not-found page and no row in the tree.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** A member signed in in a browser context of their own (invited by the owner, invitation accepted). */
async function memberPage(b: ReturnType<typeof useSignedInBrowser>, browser: Browser, name: string, email: string): Promise<Page> {
  const invitation = await b.post<{ link: string }>('/invitations', { email, role: 'member' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const accepted = await page.request.post(`${b.server.url}/api/v1/invitations/accept`, {
    data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name, password: 'correct-horse-battery' },
    headers: { origin: b.server.url },
  });
  expect(accepted.status(), await accepted.text()).toBe(201);
  return page;
}

describe('the visibility picker and badge', () => {
  const b = useSignedInBrowser({ organization: 'Hush Co', email: 'ada@hush.test' });

  it('a private objective is seen by its named viewer and not found by another member', { timeout: 180_000 }, async () => {
    const { page, server, browser } = b;
    const cycle = await b.post('/cycles', { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' });
    const publish = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const secret = await b.post('/objectives', { ...publish, title: 'Acquire Quetzal Ltd' });
    await b.post('/objectives', { ...publish, title: 'Delight every customer' });
    const vera = await memberPage(b, browser, 'Vera Viewer', 'vera@hush.test');
    const mia = await memberPage(b, browser, 'Mia Member', 'mia@hush.test');

    // The owner opens the form, picks Private and names Vera.
    await page.goto(`${server.url}/objectives/${secret.id}`);
    await page.getByRole('heading', { level: 1, name: 'Acquire Quetzal Ltd' }).waitFor();
    expect(await page.getByRole('img', { name: /^Private/ }).count(), 'an organisation-wide objective has no badge').toBe(0);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit objective' });
    await dialog.getByText('Who can see this').waitFor();
    await dialog.getByRole('radiogroup', { name: 'Who can see this' }).getByText('Private', { exact: true }).click();
    await dialog.getByLabel('People who can see it').click();
    await page.getByRole('option', { name: 'Vera Viewer' }).click();
    await dialog.getByText('Its owner, the people named below, and admins.', { exact: false }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/visibility-picker.png` });
    await dialog.getByRole('button', { name: 'Save objective' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('img', { name: /^Private: only its owner/ }).waitFor();

    // Vera, named on it: the page with its badge, and its row in the tree.
    await vera.goto(`${server.url}/objectives/${secret.id}`);
    await vera.getByRole('heading', { level: 1, name: 'Acquire Quetzal Ltd' }).waitFor();
    await vera.getByRole('img', { name: /^Private/ }).waitFor();
    await vera.goto(`${server.url}/okrs?cycle=${cycle.id}`);
    const veraTree = vera.getByTestId('okr-tree');
    await veraTree.getByRole('link', { name: 'Acquire Quetzal Ltd', exact: true }).waitFor();
    await veraTree.getByRole('img', { name: /^Private/ }).waitFor();
    expect(await seriousAxeViolations(vera)).toEqual([]);
    await vera.screenshot({ path: `${SHOTS}/visibility-tree.png` });
    await vera.setViewportSize({ width: 375, height: 800 });
    await veraTree.getByRole('link', { name: 'Acquire Quetzal Ltd', exact: true }).waitFor();
    await expect.poll(() => scrollsSideways(vera)).toBe(false);
    await vera.screenshot({ path: `${SHOTS}/visibility-tree-375.png` });

    // Mia: not found, as for an id that does not exist; the tree shows the other objective only.
    await mia.goto(`${server.url}/objectives/${secret.id}`);
    await mia.getByText('This objective does not exist.').waitFor();
    expect(await mia.title()).toContain('Objective not found');
    expect(await mia.getByText('Quetzal').count()).toBe(0);
    await mia.goto(`${server.url}/okrs?cycle=${cycle.id}`);
    const miaTree = mia.getByTestId('okr-tree');
    await miaTree.getByRole('link', { name: 'Delight every customer', exact: true }).waitFor();
    expect(await miaTree.getByRole('link', { name: 'Acquire Quetzal Ltd' }).count()).toBe(0);
    expect(await mia.content()).not.toContain('Quetzal');
    expect(await seriousAxeViolations(mia)).toEqual([]);

    // The objective page at 375 px with its badge.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('img', { name: /^Private/ }).waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/visibility-objective-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/visibility-objective.png` });
  });
});
