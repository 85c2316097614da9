import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './browser.js';
import { OWNER_PASSWORD, useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const fitsIn375 = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 375);
/** What a keyboard user types into a native date input for an ISO day, in the order of the browser's locale. */
const typedDate = (page: Page, iso: string) =>
  page.evaluate((iso) => {
    const [year, month, day] = iso.split('-') as [string, string, string];
    const digits: Record<string, string> = { year, month, day };
    return new Intl.DateTimeFormat(navigator.language)
      .formatToParts(new Date(2000, 10, 22))
      .map((part) => digits[part.type] ?? '')
      .join('');
  }, iso);
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

// The first week of a rollout, in the browser: no false alarms, blockers reach the lead, closed cycles look closed.
describe('the first week of a rollout', () => {
  const b = useSignedInBrowser({ organization: 'Northwind', email: 'ada@northwind.test' });
  // A quarter two thirds gone: the organisation starts mid-cycle.
  let winter: { id: string } | undefined;
  const midCycle = async () =>
    (winter ??= await b.post<{ id: string }>('/cycles', { name: 'Winter', startDate: day(-61), endDate: day(29), status: 'active' }));
  const keyResult = (objectiveId: string, title: string) =>
    b.post(`/objectives/${objectiveId}/key-results`, { title, kind: 'metric', startValue: 0, targetValue: 100, unit: '%' });

  it('a mid-cycle first objective is on track on its first day and nothing needs attention', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await midCycle();
    const objective = await b.post('/objectives', {
      cycleId: cycle.id,
      title: 'Open the Lisbon office',
      status: 'active',
      publishOverrideReason: 'Set-up',
    });
    const kr = await keyResult(objective.id, 'Lease signed');

    await page.goto(`${server.url}/objectives/${objective.id}`);
    await page.getByRole('heading', { name: 'Open the Lisbon office' }).waitFor();
    const card = page.getByRole('region', { name: 'Key result: Lease signed' });
    await card.getByText('On track').first().waitFor();
    expect(await page.getByText('Off track').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The check-in dialog is drawn only while open: closing it returns focus to its button.
    const open = card.getByRole('button', { name: 'Check in' });
    await open.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);

    // At 375 px the objective page, its header and the coach panel fit.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await card.waitFor();
    expect(await fitsIn375(page)).toBe(true);
    // Nothing in the coach panel runs out of it (clipped text does not widen the page).
    const findings = page.getByTestId('quality-findings');
    await findings.waitFor();
    const overflow = await findings.evaluate((panel) => {
      const right = panel.getBoundingClientRect().right + 1;
      return [...panel.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > right).map((el) => el.textContent);
    });
    expect(overflow).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/first-week-objective-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${server.url}/attention`);
    await page.getByRole('status').filter({ hasText: 'Nothing needs attention' }).waitFor();
    expect(await page.getByRole('table', { name: 'Needs attention, oldest first' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/first-week-attention.png` });
    expect(kr.id).toBeTruthy();
  });

  it('a check-in with a blocker notifies the team lead, who sees it when signed in', { timeout: 120_000 }, async () => {
    const { page, server, browser } = b;
    const cycle = await midCycle();
    const team = await b.post('/teams', { name: 'Sales' });
    const invitation = await b.post<{ link: string }>('/invitations', { email: 'leo@northwind.test', role: 'member' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const lead = await context.newPage();
      lead.setDefaultTimeout(10_000);
      const accepted = await lead.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name: 'Leo Lead', password: OWNER_PASSWORD },
        headers: { origin: server.url },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
      const leo = (await accepted.json()) as { id: string };
      await b.post(`/teams/${team.id}/members`, { userId: leo.id, role: 'lead' });
      const objective = await b.post('/objectives', {
        cycleId: cycle.id,
        teamId: team.id,
        title: 'Win back lapsed customers',
        status: 'active',
        publishOverrideReason: 'Set-up',
      });
      await keyResult(objective.id, 'Customers back');

      // Ada checks in with a blocker through the dialog; focus returns to the button that opened it.
      await page.goto(`${server.url}/objectives/${objective.id}`);
      const card = page.getByRole('region', { name: 'Key result: Customers back' });
      const open = card.getByRole('button', { name: 'Check in' });
      await open.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /Current value/ }).fill('5');
      await dialog.getByRole('radiogroup').getByText('4', { exact: true }).click();
      await dialog.getByLabel('Blockers').fill('The CRM export is locked until finance signs off.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Check in' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await focusedLabel(page)).toBe('Check in');

      // Leo signs in and finds it.
      await lead.goto(`${server.url}/notifications`);
      await lead.getByRole('link', { name: 'Ada Lovelace is blocked on Win back lapsed customers' }).waitFor();
      expect(await seriousAxeViolations(lead)).toEqual([]);
      await lead.screenshot({ path: `${SHOTS}/first-week-blocker-notification.png` });
    } finally {
      await context.close();
    }
  });

  it('the time-travel picker changes what the tree shows', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await midCycle();
    const objective = await b.post('/objectives', {
      cycleId: cycle.id,
      title: 'Halve support backlog',
      status: 'active',
      effectiveStartDate: null,
      publishOverrideReason: 'Set-up',
    });
    const kr = await keyResult(objective.id, 'Backlog cleared');
    await b.post(`/key-results/${kr.id}/check-ins`, { asOf: day(-20), value: 10, confidence: 5 });
    await b.post(`/key-results/${kr.id}/check-ins`, { asOf: day(0), value: 70, confidence: 7 });

    await page.goto(`${server.url}/okrs?cycle=${cycle.id}`);
    const bar = (pct: number) => page.getByRole('progressbar', { name: new RegExp(`^Halve support backlog: ${pct}% done`) });
    await bar(70).waitFor();
    // The field is a look-alike until used (a first visit builds no date input); typed digit by digit, as a keyboard
    // user does, in the order the browser's locale shows. The year passes through 0002, 0020 and 0202 on the way:
    // none of them is travelled to, and the field keeps what is being typed.
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await page.getByLabel('As of').focus();
    await page.keyboard.type(await typedDate(page, day(-10)));
    await page.getByRole('status').filter({ hasText: 'Time travel' }).waitFor();
    await bar(10).waitFor();
    expect(page.url()).toContain(`asOf=${day(-10)}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/first-week-tree-time-travel.png` });
    await page.getByRole('button', { name: 'Back to today' }).click();
    await bar(70).waitFor();

    // Opened on a shared time-travel link, the field is the date input from the start, and stays one back at today.
    await page.goto(`${server.url}/okrs?cycle=${cycle.id}&asOf=${day(-10)}`);
    await bar(10).waitFor();
    expect(await page.getByLabel('As of').inputValue()).toBe(day(-10));
    await page.getByRole('button', { name: 'Back to today' }).click();
    await bar(70).waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(1);
  });

  it('a closed cycle shows scores and verdicts by type instead of live status', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const summer = await b.post<{ id: string }>('/cycles', { name: 'Summer', startDate: day(-200), endDate: day(-110), status: 'active' });
    const committed = await b.post('/objectives', {
      cycleId: summer.id,
      title: 'Ship the app',
      status: 'active',
      publishOverrideReason: 'Set-up',
    });
    const aspirational = await b.post('/objectives', {
      cycleId: summer.id,
      title: 'Double the audience',
      type: 'aspirational',
      status: 'active',
      publishOverrideReason: 'Set-up',
    });
    const shipped = await keyResult(committed.id, 'App shipped');
    const audience = await keyResult(aspirational.id, 'Audience doubled');
    await b.post(`/key-results/${shipped.id}/check-ins`, { asOf: day(-115), value: 100, confidence: 9 });
    await b.post(`/key-results/${audience.id}/check-ins`, { asOf: day(-115), value: 75, confidence: 6 });
    const closed = await page.request.patch(`${server.url}/api/v1/cycles/${summer.id}`, {
      data: { status: 'closed', closeOverrideReason: 'Scored without a review meeting' },
      headers: { origin: server.url },
    });
    expect(closed.status(), await closed.text()).toBe(200);

    await page.goto(`${server.url}/okrs?cycle=${summer.id}`);
    const verdicts = page.getByTestId('verdict');
    await verdicts.first().waitFor();
    // Rows render as they arrive: wait for both.
    await expect.poll(async () => (await verdicts.allTextContents()).sort()).toEqual(['Score 0.75Met', 'Score 1.00Met']);
    const figures = page.getByTestId('cycle-summary');
    await figures.getByText('Average score').waitFor();
    await expect.poll(() => figures.innerText()).toMatch(/Average score\s+0\.88\s+Met\s+2\s+Missed\s+0/);
    expect(await figures.getByText(/On track|Expected by now/).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/first-week-closed-tree.png` });
    // No live status or pace marker on the rows: the scores replaced them.
    const rows = page.getByRole('listitem').filter({ has: page.getByTestId('verdict') });
    expect(await rows.count()).toBe(2);
    expect(await rows.getByText(/^(On track|At risk|Off track)$/).count()).toBe(0);
    expect(await rows.getByTestId('pace-marker').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/objectives/${aspirational.id}`);
    await page.getByRole('heading', { name: 'Double the audience' }).waitFor();
    await page.getByTestId('verdict').filter({ hasText: 'Met' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Check in' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
