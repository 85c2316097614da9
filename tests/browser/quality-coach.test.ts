import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

// Screenshots go to test-results/ unless SCREENSHOT_DIR=docs/screenshots refreshes the README's.
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const finding = (page: Page, ruleId: string) => page.getByTestId('quality-findings').locator(`[data-rule="${ruleId}"]`);

describe('the quality coach in the editor', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });
  beforeAll(() => b.post('/cycles', { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' }));

  it('shows findings as a weak objective is typed, clears them as it is fixed, and gates publishing', { timeout: 90_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/okrs`);
    await page.getByRole('button', { name: 'New objective' }).click();
    const title = page.getByRole('textbox', { name: 'Objective' });
    await title.fill('Increase revenue by 20% this year');
    await finding(page, 'objective-contains-number').waitFor();
    await finding(page, 'missing-why-important').waitFor();
    expect(await finding(page, 'objective-has-no-measure').count()).toBe(1);
    // The rule card opens below its finding and closes again from the same button, which says which state it is in.
    const why = finding(page, 'objective-contains-number').getByRole('button', { name: /Why\?/ });
    await why.click();
    await page.getByText('Strong:').first().waitFor();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/quality-coach.png` });
    await why.click();
    await page.getByText('Strong:').first().waitFor({ state: 'detached' });
    expect(await why.getAttribute('aria-expanded')).toBe('false');

    await title.fill('Become the obvious choice for mid-size warehouses');
    await page.getByRole('textbox', { name: 'Why is it important?' }).fill('Mid-size warehouses are 60% of the market.');
    await finding(page, 'objective-contains-number').waitFor({ state: 'detached' });
    await finding(page, 'missing-why-important').waitFor({ state: 'detached' });
    await page.getByRole('dialog').getByRole('button', { name: 'Create objective' }).click();
    await page.getByRole('heading', { name: 'Become the obvious choice for mid-size warehouses' }).waitFor();

    // A draft with nothing to measure it cannot be published; with a key result it can.
    await finding(page, 'objective-has-no-measure').waitFor();
    expect(await page.getByRole('button', { name: 'Publish objective' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Add key result' }).click();
    await page.getByRole('textbox', { name: 'Key result' }).fill('Win rate from 18% to 25%');
    await page.getByRole('textbox', { name: 'Start value' }).fill('18');
    await page.getByRole('textbox', { name: 'Target value' }).fill('25');
    await page.getByRole('dialog').getByRole('button', { name: 'Add key result' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await finding(page, 'objective-has-no-measure').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publish objective' }).click();
    await page.getByRole('button', { name: 'Publish objective' }).waitFor({ state: 'detached' });
    expect(await page.getByText('Draft', { exact: true }).count()).toBe(0);

    await page.goto(`${server.url}/principles`);
    await page.getByRole('heading', { name: 'Guiding principles' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
