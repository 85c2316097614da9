import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, scrollsSideways } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The page fits its width: nothing scrolls sideways (the 375 px check). */

// Everything the API could already do, now reachable in the browser: time travel, the score override, shared objectives.
describe('built capabilities are reachable in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it(
    'travels in time on the objective and tree pages, and overrides a score with its reason during review',
    { timeout: 120_000 },
    async () => {
      const { page, server } = b;
      // A cycle in its last week: the review, when scores may be set.
      const cycle = await b.post('/cycles', { name: 'Autumn', startDate: day(-60), endDate: day(6), status: 'active' });
      const objective = await b.post('/objectives', {
        cycleId: cycle.id,
        title: 'Win the autumn fair',
        status: 'active',
        publishOverrideReason: 'Test set-up',
      });
      const kr = await b.post(`/objectives/${objective.id}/key-results`, {
        title: 'Revenue',
        kind: 'metric',
        startValue: 0,
        targetValue: 120000,
        unit: 'EUR',
      });
      await b.post(`/key-results/${kr.id}/check-ins`, { asOf: day(-30), value: 24000, confidence: 6 });
      await b.post(`/key-results/${kr.id}/check-ins`, { asOf: day(0), value: 72000, confidence: 7 });

      await page.goto(`${server.url}/objectives/${objective.id}`);
      await page.getByRole('heading', { name: 'Win the autumn fair' }).waitFor();
      expect(await page.title()).toBe('Win the autumn fair · Cairn');
      const card = page.getByRole('region', { name: 'Key result: Revenue' });
      await card.getByText('72,000 EUR now · from 0 EUR to 120,000 EUR').waitFor();
      await page.getByTestId('forecast').waitFor();

      // Back to three weeks ago: the value then, and nothing to change.
      // The field becomes a date input when first pressed.
      await page.getByLabel('As of').click();
      await page.getByLabel('As of').fill(day(-21));
      await page.getByRole('status').filter({ hasText: 'Time travel' }).waitFor();
      await card.getByText('24,000 EUR now').waitFor();
      expect(page.url()).toContain(`asOf=${day(-21)}`);
      expect(await card.getByRole('button', { name: 'Check in' }).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/time-travel-objective.png`, fullPage: true });
      await page.getByRole('button', { name: 'Back to today' }).click();
      await card.getByText('72,000 EUR now').waitFor();

      // The tree travels too.
      await page.goto(`${server.url}/okrs?cycle=${cycle.id}&asOf=${day(-21)}`);
      await page.getByRole('status').filter({ hasText: 'Time travel' }).waitFor();
      await page.getByRole('link', { name: 'Win the autumn fair' }).waitFor();
      expect(await page.title()).toBe('OKRs · Cairn');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/time-travel-tree.png` });

      // The score override, with its reason; focus returns to the button that opened the dialog.
      await page.goto(`${server.url}/objectives/${objective.id}`);
      const override = card.getByRole('button', { name: 'Override score of Revenue' });
      await override.click();
      const dialog = page.getByRole('dialog', { name: 'Score of Revenue' });
      await dialog.getByRole('textbox', { name: 'Score' }).fill('0.8');
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('The fair moved a week; the last orders land in January.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/score-override.png` });
      await dialog.getByRole('button', { name: 'Save score' }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByTestId('score-override').filter({ hasText: '0.80' }).waitFor();
      expect(await card.getByTestId('score-override').textContent()).toContain('the last orders land in January');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toMatch(/score (override )?of Revenue/);

      // At 375 px the objective page and the header fit.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.reload();
      await card.waitFor();
      await expect.poll(() => scrollsSideways(page)).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/objective-375.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );

  it('shares an objective with a person, who sees it in their week and checks in', { timeout: 120_000 }, async () => {
    const { page, server, browser } = b;
    // Cycles may not overlap: share the first test's open cycle when it ran, else open one that holds today.
    const cycles = (await (await page.request.get(`${server.url}/api/v1/cycles`)).json()) as { id: string; name: string }[];
    const cycle =
      cycles.find((c) => c.name === 'Autumn') ??
      (await b.post<{ id: string }>('/cycles', { name: 'Winter', startDate: day(-90), endDate: day(80), status: 'active' }));
    const invitation = await b.post<{ link: string }>('/invitations', { email: 'mia@acme.test', role: 'member' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const member = await context.newPage();
      member.setDefaultTimeout(10_000);
      const accepted = await member.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name: 'Mia Member', password: 'correct-horse-battery' },
        headers: { origin: server.url },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);

      // The owner shares the objective through the form.
      await page.goto(`${server.url}/okrs?cycle=${cycle.id}`);
      await page.getByRole('button', { name: 'New objective' }).click();
      const form = page.getByRole('dialog', { name: 'New objective' });
      await form.getByRole('textbox', { name: 'Objective' }).fill('Make winter sales effortless');
      await form.getByLabel('Contributing people').click();
      await page.getByRole('option', { name: 'Mia Member' }).click();
      await form.getByLabel('Why it aligns to nothing').fill('The company has no objective for winter yet.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/objective-form-sharing.png` });
      await form.getByRole('button', { name: 'Create objective' }).click();
      await page.getByRole('heading', { name: 'Make winter sales effortless' }).waitFor();
      const id = page.url().split('/objectives/')[1]!;
      await b.post(`/objectives/${id}/key-results`, { title: 'Orders', kind: 'metric', startValue: 0, targetValue: 1500, unit: 'orders' });
      const published = await page.request.patch(`${server.url}/api/v1/objectives/${id}`, {
        data: { status: 'active', publishOverrideReason: 'Test set-up' },
        headers: { origin: server.url },
      });
      expect(published.status(), await published.text()).toBe(200);

      // Mia sees it in her week and checks in.
      await member.goto(`${server.url}/`);
      await member.getByRole('link', { name: 'Make winter sales effortless' }).first().click();
      await member.getByRole('heading', { name: 'Make winter sales effortless' }).waitFor();
      const card = member.getByRole('region', { name: 'Key result: Orders' });
      await card.getByRole('button', { name: 'Check in' }).click();
      const dialog = member.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /Current value/ }).fill('1200');
      await dialog.getByRole('radiogroup').getByText('8', { exact: true }).click();
      await dialog.getByRole('button', { name: 'Check in' }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByText('1,200 orders now').waitFor();
    } finally {
      await context.close();
    }
  });
});
