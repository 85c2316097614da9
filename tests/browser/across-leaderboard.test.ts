import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the leaderboard in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('ranks teams by pace, celebrates a win, and lets the admin change the measure and hide names', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'This quarter', startDate: day(-30), endDate: day(60), status: 'active' });
    const platform = await b.post('/teams', { name: 'Platform' });
    const sales = await b.post('/teams', { name: 'Sales' });
    const published = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const ship = await b.post('/objectives', { ...published, title: 'Ship v2', teamId: platform.id });
    await b.post('/objectives', { ...published, title: 'Win the mid-market', teamId: sales.id });
    const kr = await b.post(`/objectives/${ship.id}/key-results`, {
      title: 'Release v2 to all customers',
      kind: 'metric',
      unit: 'percent',
      startValue: 0,
      targetValue: 100,
      effectiveStartDate: null,
    });
    await b.post(`/key-results/${kr.id}/check-ins`, { value: 100, confidence: 9, asOf: day(-2) });

    await page.goto(`${server.url}/okrs/leaderboard`);
    await page.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).getByText('Platform').waitFor();
    expect(await rows.nth(2).innerText()).toContain('Sales');
    await page.getByRole('listitem').filter({ hasText: 'Release v2 to all customers' }).getByText('reached its target').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/leaderboard.png`, fullPage: true });

    await page.getByRole('switch', { name: "Hide other teams' names" }).click();
    await page.getByRole('table').getByText('Another team').first().waitFor();
    await page.getByRole('combobox', { name: 'Rank teams by' }).click();
    await page.getByRole('option', { name: 'Check-ins made on time' }).click();
    await page.getByRole('columnheader', { name: 'Check-ins made on time' }).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/leaderboard-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
