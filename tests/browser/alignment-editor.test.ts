/**
 * An objective page aligns its objective from a picker fetched on demand ("Add alignment"), lists and removes the
 * link, and explains its badges on hover without a floating layer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseInSelect, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

describe('aligning an objective from its page', () => {
  const b = useSignedInBrowser({ organization: 'Align Co', email: 'ada@align.test' });
  let childId: string;

  beforeAll(async () => {
    const year = new Date().getUTCFullYear();
    const { id: cycleId } = await b.post('/cycles', { name: `Year ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` });
    await b.post('/objectives', { cycleId, title: 'Company wins the market' });
    childId = (await b.post('/objectives', { cycleId, title: 'Sales opens two regions', visibility: 'private' })).id;
  });

  it('adds an alignment from the picker, returns the focus, and removes it', { timeout: 60_000 }, async () => {
    const { page, server } = b;
    const pickerRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/assets/AlignmentPicker-')) pickerRequests.push(r.url());
    });
    await page.goto(`${server.url}/objectives/${childId}`);
    await page.getByRole('heading', { name: 'Sales opens two regions' }).waitFor();
    expect(pickerRequests, 'the picker is not part of reading the page').toEqual([]);

    await page.getByRole('button', { name: 'Add alignment' }).click();
    const picker = page.getByRole('combobox', { name: 'Align to' });
    await picker.waitFor();
    expect(pickerRequests).toHaveLength(1);
    await chooseInSelect(page, picker, 'Objective: Company wins the market');
    await page.getByRole('button', { name: 'Align', exact: true }).click();
    await page.getByRole('link', { name: 'Objective: Company wins the market' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add alignment');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Remove alignment to Objective: Company wins the market' }).click();
    await page.getByRole('link', { name: 'Objective: Company wins the market' }).waitFor({ state: 'detached' });
  });

  it('explains the visibility badge on hover, and says the same to a screen reader', async () => {
    const { page } = b;
    const badge = page.locator('main [data-visibility="private"]').first();
    const hint = (text: string) =>
      page.evaluate((t) => {
        const shown = [...document.querySelectorAll('.cairn-hint')].find((h) => h.getAttribute('data-hint')?.startsWith(t));
        return shown ? getComputedStyle(shown, '::after').display : 'missing';
      }, text);
    expect(await hint('Private')).toBe('none');
    await badge.hover();
    expect(await hint('Private')).toBe('block');
    expect(await badge.getAttribute('aria-label')).toMatch(/^Private: only its owner/);
  });
});
