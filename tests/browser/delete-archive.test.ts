import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('deleting and archiving in the browser, and the first screen', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });
  const get = async <T>(path: string): Promise<T> => (await b.page.request.get(`${b.server.url}/api/v1${path}`)).json() as Promise<T>;
  // One running cycle for the tests that check in today (cycles may not overlap).
  let running: { id: string } | undefined;
  const currentCycle = async (): Promise<{ id: string }> => {
    const cycle =
      running ?? (await b.post<{ id: string }>('/cycles', { name: 'Now', startDate: day(-30), endDate: day(60), status: 'active' }));
    running = cycle;
    return cycle;
  };
  const cycleNames = async () => (await get<{ name: string }[]>('/cycles')).map((c) => c.name);

  it('explains OKRs on Home until the first check-in', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/`);
    const intro = page.getByRole('region', { name: 'New to OKRs? Start here' });
    await intro.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${SHOTS}/first-week-intro-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    const cycle = await currentCycle();
    const objective = await b.post('/objectives', { cycleId: cycle.id, title: 'Ship it', status: 'active', publishOverrideReason: 'Test' });
    const kr = await b.post(`/objectives/${objective.id}/key-results`, {
      title: 'Orders',
      kind: 'metric',
      startValue: 0,
      targetValue: 10,
      unit: 'orders',
    });
    await b.post(`/key-results/${kr.id}/check-ins`, { value: 2, confidence: 6 });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await page.getByText('Orders').first().waitFor();
    expect(await intro.count()).toBe(0);
  });

  it(
    'archives, restores and deletes an objective, a key result and a check-in, naming what goes with them',
    { timeout: 180_000 },
    async () => {
      const { page, server } = b;
      const cycle = await currentCycle();
      const objective = await b.post('/objectives', {
        cycleId: cycle.id,
        title: 'Grow revenue',
        status: 'active',
        publishOverrideReason: 'Test',
      });
      const revenue = await b.post(`/objectives/${objective.id}/key-results`, {
        title: 'ARR',
        kind: 'metric',
        startValue: 0,
        targetValue: 100,
        unit: 'EUR',
      });
      await b.post(`/objectives/${objective.id}/key-results`, {
        title: 'Logos',
        kind: 'metric',
        startValue: 0,
        targetValue: 10,
        unit: 'logos',
      });
      await b.post(`/key-results/${revenue.id}/check-ins`, { asOf: day(-7), value: 10, confidence: 6 });
      await b.post(`/key-results/${revenue.id}/check-ins`, { value: 30, confidence: 7 });

      await page.goto(`${server.url}/objectives/${objective.id}`);
      await page.getByRole('heading', { name: 'Grow revenue' }).waitFor();

      // Archive: it leaves the tree; restore brings it back.
      const archive = page.getByRole('button', { name: 'Archive', exact: true });
      await archive.click();
      const archiveDialog = page.getByRole('dialog', { name: 'Archive “Grow revenue”?' });
      await archiveDialog.getByText('with its 2 key results').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await archiveDialog.getByRole('button', { name: 'Archive objective' }).click();
      await archiveDialog.waitFor({ state: 'detached' });
      await page.getByText('Archived', { exact: true }).waitFor();
      await page.goto(`${server.url}/okrs?cycle=${cycle.id}`);
      await page.getByRole('heading', { name: 'OKRs' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('link', { name: 'Grow revenue' }).count()).toBe(0);
      await page.goto(`${server.url}/objectives/${objective.id}`);
      await page.getByRole('button', { name: 'Restore' }).click();
      await page.getByRole('dialog', { name: 'Restore “Grow revenue”?' }).getByRole('button', { name: 'Restore objective' }).click();
      await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();

      // A check-in: its author may delete it; focus returns to the opener on cancel.
      const card = page.getByRole('region', { name: 'Key result: ARR' });
      await card.getByRole('button', { name: 'History' }).click();
      const deleteCheckIn = card.getByRole('button', { name: `Delete check-in of ${day(-7)}` });
      await deleteCheckIn.click();
      const checkInDialog = page.getByRole('dialog', { name: `Delete the check-in of ${day(-7)}?` });
      await checkInDialog.getByRole('button', { name: 'Cancel' }).click();
      await checkInDialog.waitFor({ state: 'detached' });
      expect(await deleteCheckIn.evaluate((el) => el === document.activeElement)).toBe(true);
      await deleteCheckIn.click();
      await checkInDialog.getByRole('button', { name: 'Delete check-in' }).click();
      await deleteCheckIn.waitFor({ state: 'detached' });

      // A key result with its (one remaining) check-in.
      await card.getByRole('button', { name: 'Delete key result ARR' }).click();
      const krDialog = page.getByRole('dialog', { name: 'Delete “ARR”?' });
      await krDialog.getByText('Deleting it also deletes its 1 check-in', { exact: false }).waitFor();
      await krDialog.getByRole('button', { name: 'Delete key result' }).click();
      await card.waitFor({ state: 'detached' });

      // The objective with what is left.
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const objectiveDialog = page.getByRole('dialog', { name: 'Delete “Grow revenue”?' });
      await objectiveDialog.getByText('Deleting it also deletes its 1 key result', { exact: false }).waitFor();
      await page.screenshot({ path: `${SHOTS}/delete-objective.png` });
      await objectiveDialog.getByRole('button', { name: 'Delete objective' }).click();
      await page.waitForURL(/\/okrs/);
      const left = await get<{ title: string }[]>(`/objectives?cycleId=${cycle.id}`);
      expect(left.map((o) => o.title)).not.toContain('Grow revenue');
    },
  );

  it('deletes an empty cycle from its settings and archives one with published objectives', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const busy = await b.post('/cycles', { name: 'Busy', startDate: day(200), endDate: day(290), status: 'active' });
    await b.post('/objectives', { cycleId: busy.id, title: 'Live one', status: 'active', publishOverrideReason: 'Test' });
    const empty = await b.post('/cycles', { name: 'Spare', startDate: day(300), endDate: day(390), status: 'planning' });
    await b.post('/objectives', { cycleId: empty.id, title: 'Idea', status: 'draft' });

    await page.goto(`${server.url}/okrs?cycle=${empty.id}`);
    await page.getByRole('button', { name: /Cycle settings/ }).click();
    await page.getByRole('button', { name: 'Delete cycle' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Delete Spare?' });
    await deleteDialog.getByText('Deleting it also deletes its 1 draft objective', { exact: false }).waitFor();
    await deleteDialog.getByRole('button', { name: 'Delete cycle' }).click();
    await deleteDialog.waitFor({ state: 'detached' });
    expect(await cycleNames()).toContain('Busy');
    expect(await cycleNames()).not.toContain('Spare');

    await page.goto(`${server.url}/okrs?cycle=${busy.id}`);
    await page.getByRole('button', { name: /Cycle settings/ }).click();
    await page.getByText('It holds 1 published objective').waitFor();
    await page.getByRole('button', { name: 'Archive cycle' }).click();
    await page.getByRole('dialog', { name: 'Archive Busy?' }).getByRole('button', { name: 'Archive cycle' }).click();
    await page.getByRole('dialog', { name: 'Archive Busy?' }).waitFor({ state: 'detached' });
    expect(await cycleNames()).not.toContain('Busy');
  });
});
