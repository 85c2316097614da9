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
  return response.json() as Promise<{ id: string; link: string; user?: { id: string } }>;
}

describe('a weekly session held asynchronously by two people', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let ada: Page;
  let grace: Page;
  let meetingId: string;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    ada = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    grace = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    for (const page of [ada, grace]) page.setDefaultTimeout(10_000);
    const setup = await apiPost(ada, server.url, '/api/v1/setup', {
      organization: 'Acme Robotics',
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
      password: 'correct-horse-battery',
      setupCode: TEST_SETUP_CODE,
    });
    const team = await apiPost(ada, server.url, '/api/v1/teams', { name: 'Rover' });
    const invitation = await apiPost(ada, server.url, '/api/v1/invitations', { email: 'grace@acme.test', teamId: team.id });
    const accepted = await apiPost(grace, server.url, '/api/v1/invitations/accept', {
      token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1),
      name: 'Grace Hopper',
      password: 'correct-horse-battery',
    });
    const year = new Date().getUTCFullYear();
    const cycle = await apiPost(ada, server.url, '/api/v1/cycles', {
      name: `${year}`,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      status: 'active',
    });
    const objective = await apiPost(ada, server.url, '/api/v1/objectives', {
      cycleId: cycle.id,
      title: 'Launch the rover',
      teamId: team.id,
      status: 'active',
      publishOverrideReason: 'Published at once for the session',
    });
    const kr = await apiPost(ada, server.url, `/api/v1/objectives/${objective.id}/key-results`, {
      title: 'Test drives',
      kind: 'metric',
      startValue: 0,
      targetValue: 10,
    });
    await apiPost(ada, server.url, `/api/v1/key-results/${kr.id}/check-ins`, { value: 2, confidence: 4, blockers: 'Wheels late' });
    const starts = new Date(Date.now() + 2 * 86_400_000);
    const setupUser = (setup as unknown as { user: { id: string } }).user;
    meetingId = (
      await apiPost(ada, server.url, '/api/v1/meetings', {
        kind: 'weekly',
        title: 'Rover weekly',
        audience: 'team',
        teamId: team.id,
        startsAt: starts.toISOString(),
        asyncDeadline: new Date(starts.getTime() - 3_600_000).toISOString(),
        recurrence: 'weekly',
        participantIds: [setupUser.id, (accepted as unknown as { id: string }).id],
      })
    ).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function postPart(page: Page, fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`)).fill(value);
    await page.getByRole('button', { name: 'Post my part' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your part is posted.' }).count()).toBe(1);
  }

  it('both post their parts before the deadline; the page shows who has posted, the agenda and notes', { timeout: 120_000 }, async () => {
    await ada.goto(`${server.url}/meetings`);
    await ada.getByRole('link', { name: 'Rover weekly' }).click();
    await ada.getByRole('heading', { name: 'Rover weekly' }).waitFor();
    expect(await ada.getByText('Grace Hopper: missing').count()).toBe(1);
    expect(await ada.getByRole('region', { name: 'Confidence round (lowest first)' }).getByText('Test drives: confidence 4').count()).toBe(
      1,
    );
    expect(await ada.getByRole('region', { name: 'Open blockers' }).getByText('Test drives: Wheels late').count()).toBe(1);
    await postPart(ada, { Update: 'Two drives done', 'Confidence (0–10)': '5', 'Commitments for next time': 'Book the test track' });
    await ada.getByText('Ada Lovelace: posted').waitFor();

    await grace.goto(`${server.url}/meetings/${meetingId}`);
    await grace.getByText('Ada Lovelace: posted').waitFor();
    expect(await grace.getByText('Grace Hopper: missing').count()).toBe(1);
    await postPart(grace, { Update: 'Wheels ordered', Blockers: 'Supplier holiday' });
    await grace.getByText('Grace Hopper: posted').waitFor();
    await grace.getByLabel('Note on Open blockers').fill('Ask purchasing for a second supplier');
    await grace.getByRole('region', { name: 'Open blockers' }).getByRole('button', { name: 'Add note' }).click();
    await grace.getByText('Note: Ask purchasing for a second supplier').waitFor();

    // Ada's open page hears of Grace's part live, without a reload.
    await ada.getByText('Grace Hopper: posted').waitFor();
    expect(await ada.getByText('Wheels ordered').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.screenshot({ path: `${SHOTS}/meeting-async-weekly.png`, fullPage: true });
    await ada.setViewportSize({ width: 375, height: 800 });
    await ada.screenshot({ path: `${SHOTS}/meeting-async-weekly-375.png`, fullPage: true });
    const tooWide = await ada.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 376)
        .map((e) => `${e.tagName}.${e.className}`)
        .slice(0, 5),
    );
    expect(tooWide).toEqual([]);
    await expect.poll(() => scrollsSideways(ada)).toBe(false);
    await ada.goto(`${server.url}/meetings`);
    await ada.getByRole('heading', { name: 'Meetings' }).waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await expect.poll(() => scrollsSideways(ada)).toBe(false);
    await ada.screenshot({ path: `${SHOTS}/meetings-375.png`, fullPage: true });
  });
});
