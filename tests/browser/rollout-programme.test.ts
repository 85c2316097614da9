import { describe, expect, it } from 'vitest';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

// An admin plans the rollout: ticks a phase, names its owner, builds the rollout team, sees the blind spots shrink.
describe('rollout page: phases, rollout team and settings', () => {
  const b = useSignedInBrowser({ organization: 'Acme', name: 'Ada Lovelace', email: 'ada@acme.test' }, { width: 1366, height: 900 });

  it('plans phases and the rollout team, and turns on company OKRs first', { timeout: 180_000 }, async () => {
    const { server, page } = b;
    await b.post('/invitations', { email: 'cora@acme.test' });
    const year = new Date().getUTCFullYear();
    await b.post('/cycles', { name: 'Next year', startDate: `${year + 1}-01-01`, endDate: `${year + 1}-03-31`, status: 'planning' });
    await b.post('/cycles', { name: 'This year', startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'active' });
    const saved = (path: string) =>
      page.waitForResponse((r) => r.url().endsWith(path) && r.request().method() !== 'GET' && r.status() === 200, { timeout: 30_000 });

    await page.goto(`${server.url}/rollout`);
    await page.getByRole('heading', { name: 'Rollout', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByText('0 of 5 done').waitFor();

    let done = saved('/rollout/phases/communication');
    await page.getByRole('checkbox', { name: /Communication/ }).click();
    await done;
    await page.getByText('1 of 5 done').waitFor();

    done = saved('/rollout/phases/assessment');
    await page.getByRole('combobox', { name: 'Owner of assessment' }).click();
    await page.getByRole('option', { name: 'Ada Lovelace' }).click();
    await done;
    await expect.poll(() => page.getByRole('combobox', { name: 'Owner of assessment' }).inputValue()).toBe('Ada Lovelace');

    // Three blind spots for an empty team; adding Ada on strategy leaves process and people.
    await expect.poll(() => page.getByText(/^Nobody covers/).count()).toBe(3);
    await page.getByRole('combobox', { name: 'Add a person' }).click();
    await page.getByRole('option', { name: 'Ada Lovelace' }).click();
    await page.getByRole('combobox', { name: 'Their focus' }).click();
    await page.getByRole('option', { name: 'Strategy' }).click();
    done = saved('/rollout/team');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await done;
    await page.getByRole('button', { name: 'Remove Ada Lovelace' }).waitFor();
    await expect
      .poll(() => page.getByText(/^Nobody covers/).allTextContents())
      .toEqual(['Nobody covers process: blind spots to watch', 'Nobody covers people: blind spots to watch']);

    done = saved('/rollout/settings');
    await page.getByRole('switch', { name: 'Company OKRs first' }).click();
    await done;
    const programme = await page.request.get(`${server.url}/api/v1/rollout`);
    expect((await programme.json()).settings).toEqual({ companyOkrsFirst: true, approvalRequired: false });

    // Learning → practising: no figures yet, so not qualified, but the owner may move it.
    await page.getByText('Not yet ready for practising (last four weeks):').waitFor();
    done = saved('/rollout/maturity');
    await page.getByRole('button', { name: 'Move to practising' }).click();
    await done;
    await page.getByText('Not yet ready for scaling (last four weeks):').waitFor();

    // One click makes the rollout's own objective in the running cycle, chosen for the user.
    const cycle = page.getByRole('combobox', { name: 'Cycle for the rollout objective' });
    await expect.poll(() => cycle.inputValue()).toBe('This year');
    done = page.waitForResponse((r) => r.url().endsWith('/rollout/objective') && r.status() === 201, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Create “Make OKRs our way of working”' }).click();
    await done;
    await page.getByRole('link', { name: 'Make OKRs our way of working (This year, draft)' }).waitFor();
    await expect.poll(() => cycle.inputValue()).toBe('Next year');

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/rollout.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => scrollsSideways(page), { timeout: 5_000 }).toBe(false);
    await page.screenshot({ path: `${SHOTS}/rollout-375.png`, fullPage: true });
  });
});
