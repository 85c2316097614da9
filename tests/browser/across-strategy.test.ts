import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('strategy, pillars and the department map in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('states pillars, calls out what serves nothing, and opens a pillar with what serves it', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'This quarter', startDate: day(-30), endDate: day(60), status: 'active' });
    const published = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const grow = await b.post('/objectives', { ...published, title: 'Grow the business' });
    const loved = await b.post('/objectives', { ...published, title: 'Customers love us' });
    const reach = await b.post('/pillars', { name: 'Reach', narrative: 'More customers every quarter' });
    const response = await page.request.patch(`${server.url}/api/v1/objectives/${loved.id}`, {
      data: { pillarId: reach.id },
      headers: { origin: server.url },
    });
    expect(response.status()).toBe(200);

    await page.goto(`${server.url}/strategy`);
    await page.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();
    await page.getByLabel('Pillar name').fill('Craft');
    await page.getByRole('button', { name: 'Add pillar' }).click();
    const craft = page.getByTestId('pillar-card').filter({ hasText: 'Craft' });
    await craft.getByText('Nothing serves it this cycle').waitFor();
    await page.getByRole('link', { name: 'Grow the business' }).waitFor();
    expect(grow.id).toBeTruthy();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/strategy.png`, fullPage: true });

    await page.getByRole('link', { name: 'Reach' }).click();
    await page.getByRole('heading', { name: 'Reach', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Customers love us' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/pillar.png` });

    // Rename it, then delete it: the objective serving it stays and loses only the link.
    await page.getByRole('button', { name: 'Edit pillar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Reach' });
    await dialog.getByLabel('Pillar name').fill('Reach further');
    await dialog.getByLabel('Narrative').fill('Twice the customers by the end of the year');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save pillar' }).click();
    await page.getByRole('heading', { name: 'Reach further', level: 1 }).waitFor();
    await page.getByText('Twice the customers by the end of the year').waitFor();
    await page.getByRole('button', { name: 'Delete pillar' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Reach further?' });
    await confirm.getByText('Objectives that serve it stay and lose only the link.').waitFor();
    await confirm.getByRole('button', { name: 'Delete pillar' }).click();
    await page.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();
    await page.getByTestId('pillar-card').filter({ hasText: 'Craft' }).waitFor();
    expect(await page.getByTestId('pillar-card').filter({ hasText: 'Reach further' }).count()).toBe(0);
    const kept = (await (await page.request.get(`${server.url}/api/v1/objectives/${loved.id}`)).json()) as { pillarId: string | null };
    expect(kept.pillarId).toBeNull();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/strategy`);
    await page.getByTestId('pillar-card').first().waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/strategy-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('draws departments with who supports whom, lists gaps, and links to a department', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycles = (await (await page.request.get(`${server.url}/api/v1/cycles`)).json()) as { id: string }[];
    const published = { cycleId: cycles[0]!.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const eng = await b.post('/teams', { name: 'Engineering', kind: 'department' });
    const sales = await b.post('/teams', { name: 'Sales', kind: 'department' });
    const support = await b.post('/teams', { name: 'Support', kind: 'department' });
    const win = await b.post('/objectives', { ...published, title: 'Win the mid-market', teamId: sales.id });
    const ship = await b.post('/objectives', { ...published, title: 'Ship faster for sales', teamId: eng.id });
    await b.post('/objectives', { ...published, title: 'Answer within an hour', teamId: support.id });
    await b.post(`/objectives/${ship.id}/alignments`, { parentObjectiveId: win.id });

    await page.goto(`${server.url}/okrs/departments`);
    await page.getByRole('heading', { name: 'Department map', level: 1 }).waitFor();
    await page.getByTestId('department-node').nth(2).waitFor();
    await page.getByRole('list', { name: 'Who supports whom' }).getByText('Engineering supports Sales').waitFor();
    await page.getByRole('list', { name: 'Gaps' }).getByRole('link', { name: 'Support' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/department-map.png` });

    await page.getByTestId('department-node').filter({ hasText: 'Sales' }).getByRole('link', { name: 'Sales' }).click();
    await page.getByRole('heading', { name: 'Sales', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/teams/${sales.id}`);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/okrs/departments`);
    await page.getByTestId('department-node').first().waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/department-map-375.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
