import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { OWNER_PASSWORD, useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/rollout-shots';
const today = new Date().toISOString().slice(0, 10);

// A champion reads the adoption figures; a member's time on the tree is summed for the team; members are refused.
describe('rollout: adoption figures', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('sums a member’s active minutes for the team and shows the champion the figures', { timeout: 180_000 }, async () => {
    const { server, browser, page } = b;
    const crew = await b.post<{ id: string }>('/teams', { name: 'Pilot crew' });
    await b.post('/teams', { name: 'Later crew' });
    const put = await page.request.put(`${server.url}/api/v1/rollout/pilot`, {
      data: { teamIds: [crew.id] },
      headers: { origin: server.url },
    });
    expect(put.status()).toBe(200);
    const signIn = async (email: string, name: string, role: 'champion' | 'member', teamId?: string) => {
      const invitation = await b.post<{ link: string }>('/invitations', { email, role, teamId });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const accepted = await context.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name, password: OWNER_PASSWORD },
        headers: { origin: server.url },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
      return context;
    };
    const champion = await signIn('chris@acme.test', 'Chris Champion', 'champion');
    const member = await signIn('mia@acme.test', 'Mia Member', 'member', crew.id);
    try {
      // Mia plans on the OKR tree for five active minutes (the page's clock is driven by the test).
      const planning = await member.newPage();
      planning.setDefaultTimeout(10_000);
      await planning.clock.install();
      await planning.goto(`${server.url}/okrs`);
      await planning.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      // Listen before the clock runs: the report can be answered while the last minute is still being driven.
      const reported = planning.waitForResponse((r) => r.url().endsWith('/api/v1/adoption/time') && r.status() === 200, {
        timeout: 30_000,
      });
      for (let minute = 0; minute < 5; minute++) {
        await planning.mouse.move(100 + minute * 10, 200);
        await planning.keyboard.press('Shift');
        await planning.clock.runFor(60_000);
      }
      await reported;

      // A member has no adoption figures: no link, and the page says so.
      await planning.goto(`${server.url}/adoption`);
      await planning.getByText('Adoption figures are for OKR champions and admins.').waitFor();
      expect(await planning.getByRole('link', { name: 'Adoption' }).count()).toBe(0);
      await planning.close();

      const page = await champion.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: 'Adoption' }).click();
      await page.getByRole('heading', { name: 'Adoption' }).waitFor({ timeout: 30_000 });
      const row = page.getByTestId('adoption-team-Pilot crew');
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain('pilot');
      // Mia's five minutes, as her team's sum for this week (no person is named anywhere).
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toBe('1'); // members
      expect(cells.at(-2)).toBe('5'); // minutes invested
      await page
        .getByRole('table', { name: 'The whole organisation, the pilot and the rest (latest week)' })
        .getByText('Outside the pilot')
        .waitFor();
      await page
        .getByRole('table', { name: /week by week/ })
        .getByText(today.slice(0, 4))
        .first()
        .waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/adoption.png`, fullPage: true });

      await page.setViewportSize({ width: 375, height: 800 });
      // The navigation slides away after the resize: judge the width once the layout has settled.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { timeout: 5_000 })
        .toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/adoption-375.png`, fullPage: true });
    } finally {
      await champion.close();
      await member.close();
    }
  });
});
