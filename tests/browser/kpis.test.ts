import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, scrollsSideways } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('KPIs in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('creates a KPI with bands, adds values, sees it turn unhealthy and accepts the recovery draft', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    await b.post('/cycles', { name: 'Now', startDate: day(-40), endDate: day(40), status: 'active' });

    await page.goto(`${server.url}/kpis`);
    await page.getByRole('heading', { name: 'KPIs' }).waitFor();
    expect(await page.title()).toBe('KPIs · Cairn');
    const opener = page.getByRole('button', { name: 'New KPI' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Uptime');
    await dialog.getByRole('textbox', { name: 'Unit' }).fill('%');
    await dialog.getByRole('textbox', { name: 'Healthy from' }).fill('99.5');
    // Bands that contradict the direction are refused on the field.
    await dialog.getByRole('textbox', { name: 'Watch from' }).fill('99.9');
    await dialog.getByRole('button', { name: 'Create KPI' }).click();
    await dialog.getByText('the watch boundary must be at or below the healthy one').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Watch from' }).fill('99');
    await dialog.getByRole('button', { name: 'Create KPI' }).click();

    await page.getByRole('heading', { name: 'Uptime' }).waitFor();
    await page.getByText('No values yet').first().waitFor();
    const form = page.getByRole('form', { name: 'Report a value' });
    const report = async (value: string, asOf: string) => {
      await form.getByRole('textbox', { name: 'Value' }).fill(value);
      await form.getByLabel('As of').fill(asOf);
      await form.getByRole('button', { name: 'Add value' }).click();
      await page.getByRole('table', { name: 'Values' }).getByText(asOf).waitFor();
    };
    await report('99.8', day(-14));
    await page.getByText('Healthy', { exact: true }).waitFor();
    await report('98.2', day(-7));
    await page.getByText('Unhealthy', { exact: true }).waitFor();
    await report('98.4', day(0));
    await page.getByText('Unhealthy · 2 weeks').waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Unhealthy for 2 periods in a row' });
    await alert.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/kpi-unhealthy.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/kpi-unhealthy-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await alert.getByRole('button', { name: 'Accept recovery objective' }).click();
    await page.getByRole('heading', { name: 'Bring Uptime back to healthy' }).waitFor();
    await page.getByText(`Uptime from 98.4 % to 99.5 %`, { exact: false }).first().waitFor();

    await page.goto(`${server.url}/kpis`);
    await page.getByRole('link', { name: 'Uptime' }).waitFor();
    await page.getByTestId('kpi-chart').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/kpi-board.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/kpi-board-375.png`, fullPage: true });
  });
});
