import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './browser.js';
import { startWebServer } from './server.js';

// Screenshots go to test-results/ unless SCREENSHOT_DIR=docs/screenshots refreshes the README's.
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const finding = (page: Page, ruleId: string) => page.getByTestId('quality-findings').locator(`[data-rule="${ruleId}"]`);

describe('the quality coach in the editor', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    const post = (path: string, data: unknown) => page.request.post(`${server.url}${path}`, { data, headers: { origin: server.url } });
    expect((await post('/api/v1/setup', { organization: 'Acme', name: 'Ada Lovelace', email: 'ada@acme.test', password: 'correct-horse-battery' })).status()).toBe(201);
    expect((await post('/api/v1/cycles', { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' })).status()).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows findings as a weak objective is typed, clears them as it is fixed, and gates publishing', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/okrs`);
    await page.getByRole('button', { name: 'New objective' }).click();
    const title = page.getByRole('textbox', { name: 'Objective' });
    await title.fill('Increase revenue by 20% this year');
    await finding(page, 'objective-contains-number').waitFor();
    await finding(page, 'missing-why-important').waitFor();
    expect(await finding(page, 'objective-has-no-measure').count()).toBe(1);
    await finding(page, 'objective-contains-number').getByRole('button', { name: /Why\?/ }).click();
    await page.getByText('Strong:').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/quality-coach.png` });
    await title.click();
    await page.getByText('Strong:').first().waitFor({ state: 'hidden' });

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
