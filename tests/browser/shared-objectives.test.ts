import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('shared objectives in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it("marks another team's objective as shared on the contributing team's page and tree", { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'This quarter', startDate: day(-30), endDate: day(60), status: 'active' });
    const support = await b.post('/teams', { name: 'Support' });
    const sales = await b.post('/teams', { name: 'Sales' });
    const published = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    await b.post('/objectives', {
      ...published,
      title: 'Customers love onboarding',
      teamId: support.id,
      contributors: [{ teamId: sales.id }],
    });
    await b.post('/objectives', { ...published, title: 'Close the mid-market', teamId: sales.id });

    await page.goto(`${server.url}/teams/${sales.id}`);
    await page.getByRole('heading', { name: 'Sales', level: 1 }).waitFor();
    const sharedCard = page.locator('.mantine-Card-root').filter({ hasText: 'Customers love onboarding' });
    await sharedCard.getByText('Shared by Support').waitFor();
    const ownCard = page.locator('.mantine-Card-root').filter({ hasText: 'Close the mid-market' });
    await ownCard.waitFor();
    expect(await ownCard.getByText(/Shared by/).count(), 'its own objective is not marked').toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // On the owning team's page it is not marked.
    await page.goto(`${server.url}/teams/${support.id}`);
    await page.getByRole('link', { name: 'Customers love onboarding' }).waitFor();
    expect(await page.getByText(/Shared by/).count()).toBe(0);

    // The tree filtered by the contributing team holds it, marked; unfiltered, nothing is marked.
    await page.goto(`${server.url}/okrs?cycle=${cycle.id}`);
    const tree = page.getByTestId('okr-tree');
    await tree.getByRole('link', { name: 'Customers love onboarding' }).waitFor();
    expect(await tree.getByText(/Shared by/).count()).toBe(0);
    await page.getByLabel('Team', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Sales' }).click();
    const sharedRow = tree.locator('li').filter({ hasText: 'Customers love onboarding' });
    await sharedRow.getByText('Shared by Support').waitFor();
    await tree.locator('li').filter({ hasText: 'Close the mid-market' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
