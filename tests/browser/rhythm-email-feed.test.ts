import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations, scrollsSideways } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

async function apiPost(page: Page, url: string, path: string, data: unknown) {
  const response = await page.request.post(`${url}${path}`, { data, headers: { origin: url } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json() as Promise<{ id: string }>;
}

describe('a report e-mailed on a schedule, and the feed ordered for me', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let ada: Page;
  let cycleId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    ada = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    ada.setDefaultTimeout(20_000);
    await apiPost(ada, server.url, '/api/v1/setup', {
      organization: 'Acme Robotics',
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
      password: 'correct-horse-battery',
      setupCode: TEST_SETUP_CODE,
    });
    ({ id: cycleId } = await apiPost(ada, server.url, '/api/v1/cycles', {
      name: `${year}`,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      status: 'active',
    }));
    await apiPost(ada, server.url, '/api/v1/objectives', {
      cycleId,
      title: 'Launch the rover',
      status: 'active',
      publishOverrideReason: 'Published at once for the feed',
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('schedules the report for two stakeholders and stops it', { timeout: 120_000 }, async () => {
    await ada.goto(`${server.url}/cycles/${cycleId}/report`);
    await ada.getByRole('heading', { name: 'E-mail this report' }).waitFor();
    await ada.getByLabel("Stakeholders' e-mail addresses").fill('cfo@acme.test, board@acme.test');
    const saved = ada.waitForResponse((r) => r.url().endsWith('/api/v1/report-schedules') && r.request().method() === 'POST');
    await ada.getByRole('button', { name: 'Schedule e-mail' }).click();
    expect((await saved).status()).toBe(201);
    await ada.getByText('Every Monday, 08:00 to cfo@acme.test, board@acme.test').waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.getByRole('heading', { name: 'E-mail this report' }).scrollIntoViewIfNeeded();
    await ada.screenshot({ path: `${SHOTS}/report-email-1366.png`, fullPage: true });
    await ada.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(ada)).toBe(false);
    await ada.screenshot({ path: `${SHOTS}/report-email-375.png`, fullPage: true });
    await ada.setViewportSize({ width: 1366, height: 900 });

    await ada.getByLabel("Stakeholders' e-mail addresses").fill('nobody');
    await ada.getByRole('button', { name: 'Schedule e-mail' }).click();
    await ada.getByText(/Must be an e-mail address/).waitFor();

    await ada.getByRole('button', { name: 'Stop e-mailing cfo@acme.test, board@acme.test' }).click();
    await expect.poll(() => ada.getByText('Every Monday, 08:00 to cfo@acme.test, board@acme.test').count()).toBe(0);
  });

  it('toggles the feed between newest first and for me, with the reasons shown', { timeout: 120_000 }, async () => {
    await ada.goto(`${server.url}/feed`);
    await ada.getByText('Launch the rover').first().waitFor();
    const ranked = ada.waitForResponse((r) => r.url().includes('/api/v1/feed?') && r.url().includes('order=for_me'));
    await ada.getByText('For me', { exact: true }).click();
    expect((await ranked).status()).toBe(200);
    await ada.getByTestId('feed-reasons').first().waitFor();
    expect(await ada.getByTestId('feed-reasons').first().textContent()).toContain('yours');
    expect(ada.url()).toContain('order=for_me');
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.screenshot({ path: `${SHOTS}/feed-for-me-1366.png`, fullPage: true });
    await ada.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(ada)).toBe(false);
    await ada.screenshot({ path: `${SHOTS}/feed-for-me-375.png`, fullPage: true });
    await ada.setViewportSize({ width: 1366, height: 900 });
  });
});
