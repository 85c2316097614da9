/**
 * The tree page opens on the top levels of a cycle and fetches a deeper branch when it is opened,
 * so a cycle of ten thousand objectives opens as fast as a small one. Searching fetches the whole
 * tree; a live update keeps what the reader opened.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInBrowser } from './signed-in.js';

const CHAIN = ['Company grows', 'Sales department wins', 'Team North closes deals', 'Alice books demos', 'Alice runs webinars'] as const;

describe('the tree page, level by level', () => {
  const b = useSignedInBrowser({ organization: 'Chain Co', email: 'ada@chain.test' });
  let cycleId: string;
  let aliceKr: string;
  const row = (title: string) => b.page.getByTestId('okr-tree').getByRole('link', { name: title, exact: true });

  beforeAll(async () => {
    const { post } = b;
    const year = new Date().getUTCFullYear();
    cycleId = (await post('/cycles', { name: `Year ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` })).id;
    // Five levels, each aligned to the one above: the page loads three of them at first.
    let parent: string | null = null;
    for (const title of CHAIN) {
      const { id }: { id: string } = await post('/objectives', { cycleId, title });
      if (parent) await post(`/objectives/${id}/alignments`, { parentObjectiveId: parent });
      parent = id;
      if (title === 'Alice books demos')
        aliceKr = (
          await post(`/objectives/${id}/key-results`, {
            title: 'Demos booked',
            kind: 'metric',
            unit: 'number',
            startValue: 0,
            targetValue: 10,
          })
        ).id;
    }
  });

  it('fetches a branch below the top levels when it is opened, and keeps it open through a live update', { timeout: 60_000 }, async () => {
    const { page, server, post } = b;
    const branchRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/tree?rootId=')) branchRequests.push(r.url());
    });
    await page.goto(`${server.url}/okrs?cycle=${cycleId}`);
    await row('Team North closes deals').waitFor();
    expect(await row('Alice books demos').count(), 'the fourth level is not loaded yet').toBe(0);
    expect(branchRequests).toEqual([]);

    await page.getByRole('button', { name: 'Expand Team North closes deals' }).click();
    await row('Alice books demos').waitFor();
    expect(branchRequests, 'one request for the opened branch').toHaveLength(1);
    await page.getByRole('button', { name: 'Expand Alice books demos' }).click();
    await row('Alice runs webinars').waitFor();

    // A check-in elsewhere refreshes the tree; what was opened stays open and shows the new progress.
    await post(`/key-results/${aliceKr}/check-ins`, { value: 5, confidence: 7 });
    const alice = page
      .getByTestId('okr-tree')
      .locator('li')
      .filter({ has: page.getByRole('link', { name: 'Alice books demos', exact: true }) })
      .first();
    await expect.poll(async () => alice.getByTestId('progress-value').textContent(), { timeout: 10_000 }).toBe('50%');
    expect(await row('Alice runs webinars').isVisible()).toBe(true);
  });

  it('searches every level on the server, also those not fetched yet', { timeout: 60_000 }, async () => {
    const { page, server } = b;
    const treeRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/tree?')) treeRequests.push(decodeURIComponent(new URL(r.url()).search));
    });
    await page.goto(`${server.url}/okrs?cycle=${cycleId}`);
    await row('Team North closes deals').waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('webinars');
    await row('Alice runs webinars').waitFor();
    // The path to the match opens by itself; nothing else is shown.
    expect(Number(await page.getByTestId('okr-tree').getAttribute('data-rows'))).toBe(CHAIN.length);
    // One search request once typing settles, never the whole tree.
    expect(treeRequests).toEqual(['?depth=2', '?q=webinars']);
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await row('Alice runs webinars').waitFor({ state: 'detached' });
    await row('Team North closes deals').waitFor();
  });
});

describe('the tree page, its native pickers', () => {
  const b = useSignedInBrowser({ organization: 'Picker Co', email: 'ada@picker.test' });
  let thisYear: string;
  let nextYear: string;
  const row = (title: string) => b.page.getByTestId('okr-tree').getByRole('link', { name: title, exact: true });

  beforeAll(async () => {
    const { post } = b;
    const year = new Date().getUTCFullYear();
    thisYear = (await post('/cycles', { name: `Year ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` })).id;
    nextYear = (await post('/cycles', { name: `Year ${year + 1}`, startDate: `${year + 1}-01-01`, endDate: `${year + 1}-12-31` })).id;
    await post('/objectives', { cycleId: thisYear, title: 'Keep the lights on' });
    await post('/objectives', { cycleId: thisYear, title: 'Land on the moon', type: 'aspirational' });
    await post('/objectives', { cycleId: nextYear, title: 'Plan the next year' });
  });

  it('filters by type and switches cycles with native selects', { timeout: 60_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/okrs?cycle=${thisYear}`);
    await row('Keep the lights on').waitFor();
    await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Aspirational' });
    await row('Keep the lights on').waitFor({ state: 'detached' });
    await row('Land on the moon').waitFor();
    await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Any' });
    await row('Keep the lights on').waitFor();

    const year = new Date().getUTCFullYear();
    await page.getByRole('combobox', { name: 'Cycle' }).selectOption({ label: `Year ${year + 1}` });
    await row('Plan the next year').waitFor();
    expect(new URL(page.url()).searchParams.get('cycle')).toBe(nextYear);
    expect(await row('Keep the lights on').count()).toBe(0);
  });

  it('filters by owner from the keyboard: the Select arrives on first focus and keeps the keys', { timeout: 60_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/okrs?cycle=${thisYear}`);
    await row('Keep the lights on').waitFor();
    // Until used, the owner filter is a look-alike without Mantine's Select; focusing it swaps the Select in, focused.
    expect(await page.getByRole('combobox', { name: 'Owner' }).count()).toBe(0);
    await page.getByLabel('Owner', { exact: true }).focus();
    const owner = page.getByRole('combobox', { name: 'Owner' });
    await expect.poll(() => owner.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('Ada');
    await page.getByRole('option', { name: 'Ada Lovelace' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => owner.inputValue()).toBe('Ada Lovelace');
    await row('Land on the moon').waitFor();
  });

  it('draws the rows in view when it opens on a window already scrolled', { timeout: 90_000 }, async () => {
    const { page, server, post } = b;
    // A long list: the window can be scrolled well below the first rows.
    const later = new Date().getUTCFullYear() + 2;
    const longId = (await post('/cycles', { name: `Q1 ${later}`, startDate: `${later}-01-01`, endDate: `${later}-03-31` })).id;
    for (let i = 1; i <= 40; i++) await post('/objectives', { cycleId: longId, title: `Objective number ${i}` });
    await page.goto(`${server.url}/okrs?cycle=${longId}`);
    await row('Objective number 1').waitFor();
    const rowsInView = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[data-testid="okr-tree"] > li')].filter((li) => {
            const r = li.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
          }).length,
      );
    await page.evaluate(() => window.scrollTo(0, 1_500));
    await expect.poll(rowsInView).toBeGreaterThan(5);

    // Away by a link and back through history: the tree mounts again while the window is scrolled.
    await page.getByTestId('okr-tree').getByRole('link', { name: 'Objective number 25', exact: true }).click();
    await page.getByRole('heading', { name: 'Objective number 25' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.goBack();
    await row('Objective number 1').or(row('Objective number 25')).first().waitFor({ state: 'attached' });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect.poll(rowsInView).toBeGreaterThan(5);
  });
});
