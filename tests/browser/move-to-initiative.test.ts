import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, scrollsSideways, wideElements } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('The coach moves an output key result to an initiative', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('offers the move on the objective page and performs it in one click', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'Now', startDate: day(-40), endDate: day(40), status: 'active' });
    const objective = await b.post('/objectives', {
      cycleId: cycle.id,
      title: 'Delight new customers',
      status: 'active',
      publishOverrideReason: 'Browser test set-up',
    });
    const base = { kind: 'metric', startValue: 40, targetValue: 60 };
    await b.post(`/objectives/${objective.id}/key-results`, { ...base, title: 'Activation from 40% to 60%', unit: '%' });
    await b.post(`/objectives/${objective.id}/key-results`, { ...base, title: 'Launch the guided tour', startValue: 0, targetValue: 1 });

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/objectives/${objective.id}`);
    const move = page.getByRole('button', { name: 'Move “Launch the guided tour” to an initiative under “Activation from 40% to 60%”' });
    await move.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/move-to-initiative-offer.png`, fullPage: true });
    await move.click();
    await move.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Work, KPI and files of Activation from 40% to 60%' }).click();
    await page.getByRole('combobox', { name: 'Status of Launch the guided tour' }).waitFor();
    expect(await page.getByRole('button', { name: 'Work, KPI and files of Launch the guided tour' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => wideElements(page), { message: 'elements wider than the 375 px screen', timeout: 5_000 }).toEqual([]);
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/move-to-initiative-done-375.png`, fullPage: true });
  });
});
