/** An admin previews a spreadsheet import, reads its counts and a row error, then imports a fixed file. */
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const HEADER = 'Row ID,Parent Row ID,Type,Title,Cycle,Cycle Start,Cycle End,Start,Target,Current';
const GOOD = [
  HEADER,
  'O1,,Objective,Grow the community,Q1 2030,2030-01-01,2030-03-31,,,',
  'K1,O1,Key result,Monthly active members,,,,100,400,',
].join('\n');
const BAD = `${GOOD}\nK2,O1,Key result,Flat line,,,,5,5,`;

describe('import in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Import Co', email: 'ada@import.test' });
  const choose = (name: string, text: string) =>
    b.page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  it(
    'previews counts and row errors, refuses to confirm a file with errors, then imports the fixed file',
    { timeout: 120_000 },
    async () => {
      const { page, server } = b;
      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: 'Import OKRs' }).click();
      await page.getByRole('heading', { name: 'Import OKRs' }).waitFor();

      await choose('bad.csv', BAD);
      await page.getByRole('button', { name: 'Preview import' }).click();
      const problems = page.getByRole('table', { name: 'Problems in the file' });
      await problems.getByText('The start equals the target (5): there is nothing to move.').waitFor();
      expect(await page.getByRole('button', { name: 'Confirm import' }).isDisabled()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/import-preview-errors.png', fullPage: true });

      await choose('good.csv', GOOD);
      await page.getByRole('button', { name: 'Preview import' }).click();
      await page.getByText('1 new · 0 updated').first().waitFor();
      await page.getByText('Row 2: objective “Grow the community” — create').waitFor();
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: 'test-results/import-preview-375.png', fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Confirm import' }).click();
      await page.getByRole('status').filter({ hasText: 'The import is done' }).waitFor();

      await page.goto(`${server.url}/okrs`);
      await page.getByText('Grow the community').first().waitFor();
    },
  );
});
