import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** The elements that stick out past the right edge of the window (empty when the page does not scroll sideways). */
const widerThanScreen = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className.toString().slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 12);
  });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the review of a cycle in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it(
    'confirms a score, writes a closing note, closes past the gate with a reason, and shows scores and verdicts',
    { timeout: 180_000 },
    async () => {
      const { page, server } = b;
      const patch = async (path: string, data: unknown) => {
        const response = await page.request.patch(`${server.url}/api/v1${path}`, { data, headers: { origin: server.url } });
        expect(response.status(), await response.text()).toBe(200);
      };
      const cycle = await b.post<{ id: string }>('/cycles', { name: 'Autumn', startDate: day(-80), endDate: day(3), status: 'active' });
      const make = async (title: string, value: number) => {
        const o = await b.post<{ id: string }>('/objectives', {
          cycleId: cycle.id,
          title,
          status: 'active',
          publishOverrideReason: 'Test set-up',
          effectiveStartDate: null,
        });
        const kr = await b.post<{ id: string }>(`/objectives/${o.id}/key-results`, {
          title: `${title} KR`,
          kind: 'metric',
          startValue: 0,
          targetValue: 100,
          effectiveStartDate: null,
        });
        await b.post(`/key-results/${kr.id}/check-ins`, { asOf: day(-1), value });
        return o;
      };
      await make('Win the autumn fair', 100);
      await make('Open the second shop', 30);
      await patch(`/cycles/${cycle.id}`, { status: 'review' });

      await page.goto(`${server.url}/review`);
      await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Confirm the score of Win the autumn fair KR' }).click();
      await page.getByText('Confirmed 1.00').waitFor();
      await page.getByRole('button', { name: 'Write closing note for Win the autumn fair' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('What worked').fill('A stall near the entrance.');
      await dialog.getByLabel('Lessons').fill('Book the stall early #events');
      await dialog.getByRole('button', { name: 'Save closing note' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(/note: Achieved, next done/).waitFor();
      // The owner overrides the other score with a reason from the same list.
      await page.getByRole('button', { name: 'Override score of Open the second shop KR' }).click();
      const override = page.getByRole('dialog');
      await override.getByRole('textbox', { name: 'Score' }).fill('0.5');
      await override.getByLabel('Reason').fill('Half the fit-out is done; the lease was the hard part');
      await override.getByRole('button', { name: 'Save score' }).click();
      await override.waitFor({ state: 'detached' });
      await page.getByText('Override 0.50').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/review-page.png`, fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      // The navigation bar slides away as the window narrows: measure once it has settled.
      await expect.poll(() => widerThanScreen(page), { timeout: 5_000 }).toEqual([]);
      // Each key result's actions stay on screen instead of behind a sideways-scrolled table.
      const action = await page.getByRole('button', { name: 'Change score override of Open the second shop KR' }).boundingBox();
      expect(action!.x + action!.width).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${SHOTS}/review-page-375.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // Close from the cycle settings: refused while the second objective is not reviewed, then closed with a reason.
      await page.goto(`${server.url}/okrs?cycle=${cycle.id}`);
      await page.getByRole('button', { name: 'Cycle settings' }).click();
      const settings = page.getByRole('dialog');
      await settings.getByLabel('Phase', { exact: true }).click();
      await page.getByRole('option', { name: 'Closed (scored)' }).click();
      await settings.getByText('Closing before the end date').waitFor();
      await settings.getByRole('button', { name: 'Close and score the cycle' }).click();
      await settings.getByText('Company · Open the second shop: no closing note yet.').waitFor();
      await page.screenshot({ path: `${SHOTS}/review-close-gate.png`, fullPage: true });
      await settings.getByLabel('Reason to close anyway').fill('The shop project moves to next year');
      await settings.getByRole('button', { name: 'Close and score the cycle' }).click();
      await settings.waitFor({ state: 'detached' });
      await page.getByText('Open the second shop').first().waitFor();
      expect(await page.getByTestId('pace-marker').count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/review-closed-tree.png`, fullPage: true });
    },
  );
});
