import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('dependencies between teams in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('asks another team from the objective page; the providing team accepts on its register', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'This quarter', startDate: day(-30), endDate: day(60), status: 'active' });
    const sales = await b.post('/teams', { name: 'Sales' });
    const platform = await b.post('/teams', { name: 'Platform' });
    const published = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const win = await b.post('/objectives', { ...published, title: 'Win the mid-market', teamId: sales.id });
    await b.post('/objectives', { ...published, title: 'Single sign-on for every customer', teamId: platform.id });

    await page.goto(`${server.url}/objectives/${win.id}`);
    await page.getByRole('heading', { name: 'Depends on' }).waitFor();
    await page.getByRole('button', { name: 'Depend on a team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Depend on another team' });
    await dialog.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Platform' }).click();
    await dialog.getByRole('combobox', { name: 'Their objective' }).click();
    await page.getByRole('option', { name: 'Single sign-on for every customer' }).click();
    await dialog.getByLabel('What you need').fill('SSO before the enterprise pilots');
    await dialog.getByLabel('Needed by').fill(day(20));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ask them' }).click();
    await dialog.waitFor({ state: 'detached' });
    const asked = page.getByTestId('dependency').filter({ hasText: 'SSO before the enterprise pilots' });
    await asked.getByText('Awaiting answer').waitFor();
    await page.screenshot({ path: `${SHOTS}/dependency-asked.png` });

    await page.goto(`${server.url}/teams/${platform.id}`);
    const theyNeed = page.getByTestId('they-need');
    await theyNeed.getByText('SSO before the enterprise pilots').waitFor();
    await theyNeed.getByRole('button', { name: 'Answer' }).click();
    const answer = page.getByRole('dialog', { name: 'Answer for Platform' });
    await answer.getByLabel('Note').fill('On it, ready in two weeks');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await answer.getByRole('button', { name: 'Accept' }).click();
    await answer.waitFor({ state: 'detached' });
    await theyNeed.getByText('Accepted').waitFor();
    await theyNeed.getByText('“On it, ready in two weeks”').waitFor();
    expect(await theyNeed.getByRole('button', { name: 'Answer' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dependency-register.png` });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/teams/${sales.id}`);
    await page.getByTestId('we-need').getByText('Accepted').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dependency-register-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
