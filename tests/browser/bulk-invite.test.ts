/** An admin invites ten people from a CSV on the People page and reads a result per row. */
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

describe('bulk invitations in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Bulk Co', email: 'ada@bulk.test' });

  it('invites 10 people from a CSV, reports the bad rows, and keeps a copy-link action', { timeout: 90_000 }, async () => {
    const { page, server } = b;
    await page.goto(`${server.url}/people`);
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    const lines = ['name,email,team,role,lead'];
    for (let i = 1; i <= 10; i++) lines.push(`Person ${i},person${i}@bulk.test,,member,no`);
    lines.push('Broken,not-an-email,,,', 'Lost,lost@bulk.test,Nowhere,,');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Invite everyone' }).click();
    await page.getByRole('status').filter({ hasText: '10 invited, 2 not invited' }).waitFor();
    const results = page.getByRole('table', { name: 'Invitation results' });
    expect(await results.getByText('Invited', { exact: true }).count()).toBe(10);
    await results.getByText('Invalid e-mail').waitFor();
    await results.getByText('Unknown team').waitFor();
    await page.getByText('Pending invitations (10)').waitFor();
    await page.getByRole('button', { name: 'Copy link for person1@bulk.test' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
