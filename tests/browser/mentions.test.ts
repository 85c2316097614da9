import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

async function apiPost(page: Page, url: string, path: string, data: unknown) {
  const response = await page.request.post(`${url}${path}`, { data, headers: { origin: url } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json() as Promise<{ id: string; link: string }>;
}

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Notifications, \d+ unread$/ });

describe('mentions, notifications and the feed in the browser', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let ada: Page;
  let grace: Page;
  let objectiveId: string;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    ada = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    grace = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    for (const page of [ada, grace]) page.setDefaultTimeout(10_000);
    await apiPost(ada, server.url, '/api/v1/setup', {
      organization: 'Acme Robotics',
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
      password: 'correct-horse-battery',
      setupCode: TEST_SETUP_CODE,
    });
    const invitation = await apiPost(ada, server.url, '/api/v1/invitations', { email: 'grace@acme.test' });
    await apiPost(grace, server.url, '/api/v1/invitations/accept', {
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
    objectiveId = (
      await apiPost(ada, server.url, '/api/v1/objectives', {
        cycleId: cycle.id,
        title: 'Launch the rover',
        status: 'active',
        publishOverrideReason: 'Published at once for the feed',
      })
    ).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Ada mentions Grace in a comment; Grace sees it arrive live, opens it, and it is read', { timeout: 90_000 }, async () => {
    await grace.goto(server.url);
    await bell(grace).waitFor();
    expect(await bell(grace).getAttribute('aria-label')).toBe('Notifications, 0 unread');

    await ada.goto(`${server.url}/objectives/${objectiveId}`);
    const box = ada.getByRole('textbox', { name: 'Comment on this objective' });
    await box.pressSequentially('Great start @Gra');
    await ada.getByRole('option', { name: 'Grace Hopper' }).waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.keyboard.press('Enter');
    await box.pressSequentially('can you review the plan?');
    expect(await box.inputValue()).toBe('Great start @Grace Hopper can you review the plan?');
    await ada.getByRole('button', { name: 'Post comment' }).click();
    const posted = ada.getByRole('article', { name: 'Comment by Ada Lovelace' });
    await posted.getByText('@Grace Hopper').waitFor();
    expect(await box.inputValue()).toBe('');
    await posted.getByRole('button', { name: 'celebrate 🎉' }).click();
    await posted.getByRole('button', { name: 'celebrate 🎉, 1' }).waitFor();
    await ada.screenshot({ path: `${SHOTS}/comments.png`, fullPage: true });

    // No reload: the live stream moves Grace's bell.
    await grace.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await bell(grace).click();
    const item = grace.getByRole('button', { name: /^Unread: Ada Lovelace mentioned you on “Launch the rover”/ });
    await item.waitFor();
    expect(await seriousAxeViolations(grace)).toEqual([]);
    await grace.screenshot({ path: `${SHOTS}/notification-bell.png` });
    await item.click();
    await grace.waitForURL(`${server.url}/objectives/${objectiveId}`);
    await grace.getByRole('article', { name: 'Comment by Ada Lovelace' }).getByText('can you review the plan?').waitFor();
    await grace.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
  });

  it('shows the feed and the notification centre without serious accessibility problems', { timeout: 60_000 }, async () => {
    await ada.goto(`${server.url}/feed`);
    await ada.getByTestId('feed-comment').getByText('can you review the plan?', { exact: false }).waitFor();
    await ada.getByTestId('feed-objective_created').waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.screenshot({ path: `${SHOTS}/feed.png`, fullPage: true });

    await grace.goto(`${server.url}/notifications`);
    await grace.getByRole('list', { name: 'Your notifications' }).getByText('Ada Lovelace mentioned you on “Launch the rover”').waitFor();
    await grace.getByRole('checkbox', { name: 'Mentions: E-mail' }).uncheck();
    await grace.getByRole('button', { name: 'Save notification settings' }).click();
    await grace.getByRole('status').getByText('Your notification settings are saved.').waitFor();
    await grace.getByRole('combobox', { name: 'Quiet from' }).selectOption('22');
    await grace.getByRole('combobox', { name: 'Quiet until' }).selectOption('7');
    await grace.getByRole('button', { name: 'Save quiet hours' }).click();
    await grace.getByText('Quiet hours saved.').waitFor();
    expect(await seriousAxeViolations(grace)).toEqual([]);
    await grace.screenshot({ path: `${SHOTS}/notifications.png`, fullPage: true });

    const saved = await grace.request.get(`${server.url}/api/v1/me/notification-preferences`);
    const body = (await saved.json()) as { preferences: { kind: string; channel: string; enabled: boolean }[]; quietHours: unknown };
    expect(body.preferences.filter((p) => !p.enabled)).toEqual([{ kind: 'mention', channel: 'email', enabled: false }]);
    expect(body.quietHours).toEqual({ start: 22, end: 7 });
  });
});
