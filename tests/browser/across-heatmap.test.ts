import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the heatmap in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('shows teams grouped by department against status and links to each team', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'This quarter', startDate: day(-30), endDate: day(60), status: 'active' });
    const eng = await b.post('/teams', { name: 'Engineering', kind: 'department' });
    const platform = await b.post('/teams', { name: 'Platform', parentId: eng.id });
    const sales = await b.post('/teams', { name: 'Sales', kind: 'department' });
    const published = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const win = await b.post('/objectives', { ...published, title: 'Win the mid-market', teamId: sales.id });
    const ship = await b.post('/objectives', { ...published, title: 'Ship faster', teamId: platform.id });
    await b.post(`/objectives/${ship.id}/alignments`, { parentObjectiveId: win.id });

    await page.goto(`${server.url}/okrs/heatmap`);
    await page.getByRole('heading', { name: 'Heatmap', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Heatmap of Engineering' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Engineering', 'Sales']);
    const platformRow = page.getByTestId('heatmap-team').filter({ hasText: 'Platform' });
    // Ship faster is aligned: Platform's alignment is 100 %; Sales's objective aligns to nothing (0 %).
    expect(await platformRow.getByRole('cell').last().innerText()).toBe('100%');
    await page.getByTestId('alignment-health').getByText('50%').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/heatmap.png` });

    await platformRow.getByRole('link', { name: 'Platform' }).click();
    await page.getByRole('heading', { name: 'Platform', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/teams/${platform.id}`);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/okrs/heatmap`);
    await page.getByTestId('heatmap-team').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/heatmap-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
