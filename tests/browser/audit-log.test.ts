/** The audit log page: a setting change appears, the CSV downloads, the chain verifies, and a row changed in the database is named. */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../src/db/schema/index.js';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('audit log in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Audit Co', email: 'ada@audit.test' });

  it(
    'shows a setting change, exports CSV, verifies the chain, then names the entry altered in the database',
    { timeout: 180_000 },
    async () => {
      const { page, server } = b;
      const patched = await page.request.patch(`${server.url}/api/v1/organization`, {
        data: { timeZone: 'Europe/Berlin' },
        headers: { origin: server.url },
      });
      expect(patched.status(), await patched.text()).toBe(200);

      await page.goto(`${server.url}/`);
      await page.getByRole('group', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
      const table = page.getByRole('table', { name: 'Audit entries' });
      const change = table.getByRole('row').filter({ hasText: 'Changed the organisation' });
      await change.getByText('timeZone: UTC → Europe/Berlin').waitFor();
      await change.getByText('Ada Lovelace').waitFor();
      await page.getByText('Times are in Europe/Berlin.').waitFor();

      // Filtering by action keeps that kind only: the header row, setup's organization.created and the change.
      await page.getByLabel('Action').selectOption({ label: 'Organisation settings' });
      await expect.poll(() => table.getByRole('row').count()).toBe(3);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Export CSV' }).click();
      const csv = readFileSync((await (await download).path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe('seq,at,actor_id,actor_name,action,target_type,target_id,details,ip,hash');
      expect(csv).toContain('organization.updated');
      expect(csv).not.toContain('user.signed-in');

      await page.getByRole('button', { name: 'Verify chain' }).click();
      const intact = page.getByRole('status').filter({ hasText: /Chain intact: \d+ entries checked\./ });
      await intact.waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/audit-log.png`, fullPage: true });

      const [row] = await server.handle.db.select().from(auditEntries).where(eq(auditEntries.action, 'organization.updated'));
      await server.handle.db
        .update(auditEntries)
        .set({ details: { timeZone: 'nothing to see' } })
        .where(eq(auditEntries.id, row!.id));
      await page.getByRole('button', { name: 'Verify chain' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `Entry #${row!.seq} was altered.` })
        .waitFor();

      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
      await expect.poll(() => scrollsSideways(page)).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/audit-log-375.png`, fullPage: true });
    },
  );
});
