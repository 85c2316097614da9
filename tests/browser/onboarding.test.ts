import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { OWNER_PASSWORD, useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

// A member who joined earlier becomes a lead, walks the lead path, and the rollout page counts one trained leader.
describe('onboarding: a new lead walks the guided path', () => {
  const b = useSignedInBrowser({ organization: 'Northwind', email: 'ada@northwind.test' });

  it('walks the lead path step by step; the rollout page shows 1 trained leader', { timeout: 180_000 }, async () => {
    const { page, server, browser } = b;
    const team = await b.post('/teams', { name: 'Sales' });
    const invitation = await b.post<{ link: string }>('/invitations', { email: 'leo@northwind.test', role: 'member' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const leo = await context.newPage();
      leo.setDefaultTimeout(10_000);
      const accepted = await leo.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name: 'Leo Lead', password: OWNER_PASSWORD },
        headers: { origin: server.url },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
      const leoUser = (await accepted.json()) as { id: string };
      await b.post(`/teams/${team.id}/members`, { userId: leoUser.id, role: 'lead' });

      // Home invites him to the lead path, inside the first-week card (he has not checked in): one block, not two.
      await leo.goto(`${server.url}/`);
      const intro = leo.getByRole('region', { name: 'New to OKRs? Start here' });
      await intro.getByText('You lead a team: take the lead path').waitFor({ timeout: 30_000 });
      expect(await leo.getByRole('link', { name: 'Start the onboarding path' }).count(), 'one invitation on Home').toBe(1);
      expect(await leo.getByText('You lead a team: take the lead path').count()).toBe(1);
      await intro.getByRole('link', { name: 'Start the onboarding path' }).click();
      await leo.getByRole('heading', { name: 'Welcome to leading with OKRs', level: 1 }).waitFor({ timeout: 30_000 });
      await leo.getByText('0 of 6 steps done').waitFor();
      await leo.getByText('What the coach says about the weak draft').waitFor();
      expect(await seriousAxeViolations(leo)).toEqual([]);

      // Each "Done" moves focus to the next step's heading.
      for (const [title, next] of [
        ['What OKRs are', 'onboarding-step-examples'],
        ['Weak and strong examples', 'onboarding-step-weekly-expectations'],
        ['What is expected of you each week', 'onboarding-step-first-check-in'],
        ['Leading the weekly check-in', 'onboarding-step-first-check-in'],
      ] as const) {
        await leo.getByRole('button', { name: `Done: ${title}` }).click();
        await expect.poll(() => focusedId(leo)).toBe(next);
      }
      await leo.getByText('4 of 6 steps done').waitFor();

      // Resumable: a reload keeps the progress.
      await leo.reload();
      await leo.getByText('4 of 6 steps done').waitFor({ timeout: 30_000 });
      await leo.getByRole('button', { name: 'Done: Reviewing your team’s drafts' }).click();
      await leo.getByText('5 of 6 steps done').waitFor();
      expect(await leo.getByRole('button', { name: /^Done: / }).count()).toBe(0);

      // The first check-in completes the path by itself.
      const cycle = await b.post('/cycles', { name: 'Winter', startDate: day(-30), endDate: day(60), status: 'active' });
      const objective = await b.post('/objectives', {
        cycleId: cycle.id,
        teamId: team.id,
        title: 'Win back lapsed customers',
        status: 'active',
        publishOverrideReason: 'Set-up',
      });
      const kr = await b.post(`/objectives/${objective.id}/key-results`, {
        title: 'Customers back',
        kind: 'metric',
        startValue: 0,
        targetValue: 100,
        unit: '%',
        ownerId: leoUser.id,
      });
      const checkIn = await leo.request.post(`${server.url}/api/v1/key-results/${kr.id}/check-ins`, {
        data: { value: 5, confidence: 6 },
        headers: { origin: server.url },
      });
      expect(checkIn.status(), await checkIn.text()).toBe(201);
      await leo.reload();
      await leo.getByText('6 of 6 steps done: well done!').waitFor({ timeout: 30_000 });
      await leo.screenshot({ path: `${SHOTS}/onboarding-lead.png`, fullPage: true });
      await leo.setViewportSize({ width: 375, height: 800 });
      await expect.poll(() => scrollsSideways(leo), { timeout: 5_000 }).toBe(false);
      await leo.screenshot({ path: `${SHOTS}/onboarding-lead-375.png`, fullPage: true });

      await leo.goto(`${server.url}/`);
      await leo.getByRole('heading', { name: /^Welcome, Leo/ }).waitFor({ timeout: 30_000 });
      expect(await leo.getByText('You lead a team: take the lead path').count(), 'a finished path prompts no more').toBe(0);
    } finally {
      await context.close();
    }

    await page.goto(`${server.url}/rollout`);
    await page.getByRole('heading', { name: 'Trained leaders' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('trained-leaders').textContent()).toBe('1 of 1');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a member dismisses the Home prompt; the path stays on the Welcome page', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/`);
    // Before the first check-in the path is part of the first-week card, with no separate prompt above it.
    const intro = page.getByRole('region', { name: 'New to OKRs? Start here' });
    await intro.getByText('Take the short guided path').waitFor({ timeout: 30_000 });
    expect(await page.getByText('New here? Take the short guided path').count(), 'no second prompt').toBe(0);
    expect(await page.getByRole('link', { name: 'Start the onboarding path' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page), { timeout: 5_000 }).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await intro.getByRole('button', { name: 'Dismiss the onboarding prompt' }).click();
    await expect.poll(() => page.getByText('Take the short guided path').count()).toBe(0);
    expect(await intro.isVisible(), 'the first-week card itself stays until the first check-in').toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: /^Welcome, Ada/ }).waitFor({ timeout: 30_000 });
    await intro.waitFor();
    expect(await page.getByText('Take the short guided path').count()).toBe(0);
    await page.goto(`${server.url}/welcome`);
    await page.getByRole('heading', { name: 'Welcome to OKRs', level: 1 }).waitFor({ timeout: 30_000 });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page), { timeout: 5_000 }).toBe(false);
  });
});
