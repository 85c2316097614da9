import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, scrollsSideways } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('Pushed values, pasted values and the improves-KPI link in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('pastes KPI values with a preview, links a key result to the KPI, and confirms a pushed check-in', { timeout: 180_000 }, async () => {
    const { page, server } = b;
    const kpi = await b.post('/kpis', { name: 'Uptime', unit: '%', direction: 'higher_is_better', healthy: 99.5, watch: 99 });
    const cycle = await b.post('/cycles', { name: 'Now', startDate: day(-40), endDate: day(40), status: 'active' });
    const objective = await b.post('/objectives', {
      cycleId: cycle.id,
      title: 'Reliable service',
      status: 'active',
      publishOverrideReason: 'Browser test set-up',
    });
    const kr = await b.post(`/objectives/${objective.id}/key-results`, {
      title: 'Signups',
      kind: 'metric',
      startValue: 0,
      targetValue: 100,
    });

    // Paste a column: the preview names the refused line, then every line is added at once.
    await page.goto(`${server.url}/kpis/${kpi.id}`);
    const values = page.getByRole('textbox', { name: 'Dated values' });
    await values.fill(`${day(-14)}\t99,7\n${day(-7)}\tabc`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Line 2: "abc" is not a number.').waitFor();
    await values.fill(`${day(-14)}\t99,7\n${day(-7)}\t98.6\tincident`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('table', { name: 'Preview of the values' }).waitFor();
    await page.getByRole('button', { name: 'Add 2 values' }).click();
    await page.getByText('Added 2 values.').waitFor();
    await page.getByRole('table', { name: 'Values' }).getByText('incident').waitFor();
    // An ingest token is shown once.
    await page.getByRole('textbox', { name: 'What will push with it' }).fill('Grafana');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('issued-token').waitFor();
    await page.getByRole('list', { name: 'Live ingest tokens' }).getByText('Grafana').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/kpi-bulk-values.png`, fullPage: true });

    // The key result improves the KPI, and a value pushed to it waits for confirmation.
    await page.goto(`${server.url}/objectives/${objective.id}`);
    await page.getByRole('button', { name: 'Work, KPI and files of Signups' }).click();
    await page.getByRole('combobox', { name: 'KPI this key result improves' }).selectOption(kpi.id);
    await page.getByRole('button', { name: 'Link KPI' }).click();
    await page.getByRole('button', { name: 'Stop linking to Uptime' }).waitFor();
    await page.getByRole('textbox', { name: 'What will push with it' }).fill('Sheet macro');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('issued-token').textContent())!.trim();
    const push = await fetch(`${server.url}/api/v1/ingest/${kr.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value: 42, asOf: day(-1), source: 'sheet macro' }),
    });
    expect(push.status).toBe(201);
    await page.reload();
    await page.getByRole('button', { name: 'Work, KPI and files of Signups' }).click();
    const proposal = page.getByRole('listitem', { name: `Proposed value 42 on ${day(-1)}` });
    await proposal.getByText('From sheet macro', { exact: false }).waitFor();
    await proposal.getByRole('textbox', { name: 'Confidence (0–10)' }).fill('7');
    await proposal.getByRole('textbox', { name: 'Note' }).fill('Matches the sheet');
    await proposal.getByRole('button', { name: `Confirm 42 on ${day(-1)}` }).click();
    await proposal.waitFor({ state: 'detached' });
    await page.getByText(`Last check-in ${day(-1)}`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/key-result-kpi-link.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page), { timeout: 10_000 }).toBe(false);
    await page.screenshot({ path: `${SHOTS}/key-result-kpi-link-375.png`, fullPage: true });
    await page.goto(`${server.url}/kpis/${kpi.id}`);
    await page.getByRole('textbox', { name: 'Dated values' }).waitFor();
    await expect.poll(() => scrollsSideways(page), { timeout: 10_000 }).toBe(false);
    await page.screenshot({ path: `${SHOTS}/kpi-bulk-values-375.png`, fullPage: true });
  });
});
