import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chooseInSelect, scrollsSideways, seriousAxeViolations } from './browser.js';
import { OWNER_PASSWORD, useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

// With "approval required" on, a team lead drafts, asks the champion for a review, the champion approves with a
// comment from the "Reviews asked of you" list, and the lead publishes; a second request, to the owner, is withdrawn.
describe('review requests: request, approve with a comment, publish', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('a drafter requests a review, the champion approves with a comment, the drafter publishes', { timeout: 180_000 }, async () => {
    const { server, browser } = b;
    const headers = { origin: server.url };
    const sales = await b.post<{ id: string }>('/teams', { name: 'Sales' });
    const cycle = await b.post<{ id: string }>('/cycles', { name: 'Q1', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' });
    const signIn = async (email: string, name: string, role: 'champion' | 'member', teamId?: string): Promise<[BrowserContext, string]> => {
      const invitation = await b.post<{ link: string }>('/invitations', { email, role, teamId });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const accepted = await context.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name, password: OWNER_PASSWORD },
        headers,
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
      return [context, ((await accepted.json()) as { id: string }).id];
    };
    const [drafterContext, drafterId] = await signIn('dana@acme.test', 'Dana Drafter', 'member', sales.id);
    const [championContext] = await signIn('chris@acme.test', 'Chris Champion', 'champion');
    const owner = b.page.request;
    expect(
      (await owner.patch(`${server.url}/api/v1/teams/${sales.id}/members/${drafterId}`, { data: { role: 'lead' }, headers })).status(),
    ).toBe(200);
    expect((await owner.patch(`${server.url}/api/v1/rollout/settings`, { data: { approvalRequired: true }, headers })).status()).toBe(200);
    const created = await drafterContext.request.post(`${server.url}/api/v1/objectives`, {
      data: { cycleId: cycle.id, title: 'Win the northern region', teamId: sales.id },
      headers,
    });
    expect(created.status(), await created.text()).toBe(201);
    const objectiveId = ((await created.json()) as { id: string }).id;
    const kr = await drafterContext.request.post(`${server.url}/api/v1/objectives/${objectiveId}/key-results`, {
      data: { title: 'Northern revenue share', kind: 'metric', startValue: 0, targetValue: 40, unit: '%' },
      headers,
    });
    expect(kr.status(), await kr.text()).toBe(201);

    try {
      const drafter = await drafterContext.newPage();
      drafter.setDefaultTimeout(10_000);
      await drafter.goto(`${server.url}/objectives/${objectiveId}`);
      await drafter.getByRole('heading', { name: 'Reviews' }).waitFor({ timeout: 30_000 });
      await drafter.getByText('Publishing needs a reviewer’s approval first').waitFor();
      expect(await drafter.getByRole('button', { name: 'Publish objective' }).isDisabled()).toBe(true);

      const opener = drafter.getByRole('button', { name: 'Request review' });
      await opener.click();
      const dialog = drafter.getByRole('dialog', { name: 'Request a review' });
      await dialog.waitFor();
      // The picker has focus when the dialog opens, and a searchable select opens its list on focus.
      await chooseInSelect(drafter, dialog.getByRole('combobox', { name: 'Reviewer' }), 'Chris Champion (OKR champion)');
      await dialog.getByLabel('Note for the reviewer').fill('Is 40 % ambitious enough?');
      expect(await seriousAxeViolations(drafter)).toEqual([]);
      await dialog.getByRole('button', { name: 'Send request' }).click();
      await dialog.waitFor({ state: 'detached' });
      await drafter.getByText('Waiting').waitFor();
      await expect.poll(() => opener.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);

      // A second request, to the owner, is withdrawn from the card: it shows as withdrawn and the owner's notice goes.
      const second = await drafterContext.request.post(`${server.url}/api/v1/objectives/${objectiveId}/review-requests`, {
        data: { reviewerId: ((await (await owner.get(`${server.url}/api/v1/me`)).json()) as { user: { id: string } }).user.id },
        headers,
      });
      expect(second.status(), await second.text()).toBe(201);
      const ownerNotices = async () => (await owner.get(`${server.url}/api/v1/notifications`)).text();
      expect(await ownerNotices()).toContain('asks you to review');
      await drafter.reload();
      const withdraw = drafter.getByRole('button', { name: 'Withdraw the review request to Ada Lovelace' });
      await withdraw.waitFor({ timeout: 30_000 });
      expect(await drafter.getByRole('button', { name: /^Withdraw the review request to Chris Champion/ }).count()).toBe(1);
      await withdraw.click();
      await drafter.getByText('Withdrawn', { exact: true }).waitFor();
      await withdraw.waitFor({ state: 'detached' });
      expect(await ownerNotices()).not.toContain('asks you to review');
      expect(await seriousAxeViolations(drafter)).toEqual([]);

      const champion = await championContext.newPage();
      champion.setDefaultTimeout(10_000);
      await champion.goto(`${server.url}/notifications`);
      await champion.getByRole('heading', { name: 'Reviews asked of you' }).waitFor({ timeout: 30_000 });
      await champion.getByRole('link', { name: 'Win the northern region' }).first().click();
      await champion.getByLabel('Comment for Dana Drafter').fill('Clear and measurable: go ahead.');
      expect(await seriousAxeViolations(champion)).toEqual([]);
      await champion.getByRole('button', { name: 'Approve' }).click();
      await champion.getByText('Approved', { exact: true }).waitFor();
      await champion.getByText('Clear and measurable: go ahead.').waitFor();
      await page375(champion);

      await drafter.reload();
      await drafter.getByText('Approved', { exact: true }).waitFor({ timeout: 30_000 });
      await drafter.getByText('Clear and measurable: go ahead.').waitFor();
      const publish = drafter.getByRole('button', { name: 'Publish objective' });
      await expect.poll(() => publish.isDisabled()).toBe(false);
      await drafter.screenshot({ path: `${SHOTS}/review-requests.png`, fullPage: true });
      await publish.click();
      await publish.waitFor({ state: 'detached' });
      expect(await drafter.getByText('Draft', { exact: true }).count()).toBe(0);
      expect(await seriousAxeViolations(drafter)).toEqual([]);
      await page375(drafter);
    } finally {
      await drafterContext.close();
      await championContext.close();
    }
  });
});

async function page375(page: import('playwright-core').Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => scrollsSideways(page), { timeout: 5_000 }).toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}
