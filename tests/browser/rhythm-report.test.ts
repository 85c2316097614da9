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
  return response.json() as Promise<{ id: string; url: string }>;
}

const isShown = (page: Page, selector: string) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== 'none'), selector);

describe('a stakeholder report: printed clean, shared read-only', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let ada: Page;
  let cycleId: string;
  let objectiveId: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    ada = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    ada.setDefaultTimeout(10_000);
    await apiPost(ada, server.url, '/api/v1/setup', {
      organization: 'Acme Robotics',
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
      password: 'correct-horse-battery',
      setupCode: TEST_SETUP_CODE,
    });
    const cycle = await apiPost(ada, server.url, '/api/v1/cycles', {
      name: `${year}`,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      status: 'active',
    });
    cycleId = cycle.id;
    ({ id: objectiveId } = await apiPost(ada, server.url, '/api/v1/objectives', {
      cycleId,
      title: 'Launch the rover',
      status: 'active',
      publishOverrideReason: 'Published at once for the report',
    }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prints without navigation or buttons', async () => {
    await ada.goto(`${server.url}/cycles/${cycleId}/report`);
    await ada.getByRole('heading', { level: 1, name: /report$/ }).waitFor();
    await ada.getByRole('cell', { name: 'Launch the rover' }).waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    expect(await isShown(ada, 'nav')).toBe(true);
    expect(await isShown(ada, 'button')).toBe(true);

    await ada.emulateMedia({ media: 'print' });
    await ada.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
    expect(await isShown(ada, 'nav')).toBe(false);
    expect(await isShown(ada, 'header')).toBe(false);
    expect(await isShown(ada, 'button')).toBe(false);
    expect(await ada.getByRole('heading', { name: 'Share with stakeholders' }).isVisible()).toBe(false);
    expect(await ada.getByRole('heading', { name: 'Progress against pace' }).isVisible()).toBe(true);
    await ada.emulateMedia({ media: 'screen' });

    await ada.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(ada)).toBe(false);
    await ada.setViewportSize({ width: 1280, height: 900 });
  });

  it('opens a shared link signed out, and not once revoked', async () => {
    const share = await apiPost(ada, server.url, '/api/v1/report-shares', { cycleId, days: 7 });
    const stranger = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await stranger.goto(share.url.replace(/^https?:\/\/[^/]+/, server.url));
    await stranger.getByRole('cell', { name: 'Launch the rover' }).waitFor();
    expect(await seriousAxeViolations(stranger)).toEqual([]);
    expect(await isShown(stranger, 'nav')).toBe(false);

    const revoked = await ada.request.delete(`${server.url}/api/v1/report-shares/${share.id}`, { headers: { origin: server.url } });
    expect(revoked.status()).toBe(204);
    await stranger.reload();
    await stranger.getByText('This link does not work').waitFor();
    expect(await stranger.getByText('Launch the rover').count()).toBe(0);
  });

  it('the tree links to the report, and an objective carried into the next cycle says what it continues', async () => {
    await ada.goto(`${server.url}/okrs?cycle=${cycleId}`);
    await ada.getByRole('link', { name: 'Report' }).click();
    await ada.getByRole('heading', { level: 1, name: /report$/ }).waitFor();
    expect(new URL(ada.url()).pathname).toBe(`/cycles/${cycleId}/report`);

    const review = await ada.request.patch(`${server.url}/api/v1/cycles/${cycleId}`, {
      data: { status: 'review' },
      headers: { origin: server.url },
    });
    expect(review.status(), await review.text()).toBe(200);
    const next = await apiPost(ada, server.url, '/api/v1/cycles', {
      name: `${year + 1}`,
      startDate: `${year + 1}-01-01`,
      endDate: `${year + 1}-12-31`,
    });
    const carried = (await apiPost(ada, server.url, `/api/v1/cycles/${cycleId}/rollover`, {
      targetCycleId: next.id,
      objectives: [{ objectiveId, keyResultIds: [] }],
    })) as unknown as { objectiveId: string }[];
    await ada.goto(`${server.url}/objectives/${carried[0]!.objectiveId}`);
    await ada.getByText('Continued from').waitFor();
    await ada.getByRole('link', { name: 'Launch the rover' }).click();
    await ada.waitForURL(`${server.url}/objectives/${objectiveId}`);
  });
});
