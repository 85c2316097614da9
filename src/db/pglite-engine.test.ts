import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from './database.js';
import { DataDirectoryLockedError } from './lock.js';
import { openPglite } from './pglite-engine.js';

describe('openPglite', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-pglite-'));
  const dir = join(root, 'data');
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  rmSync(join(dir, 'cairn.lock'), { force: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('holds the directory lock while open, refuses a second open, and keeps data across a reopen', async () => {
    const handle = await openPglite(dir);
    try {
      expect(handle.kind).toBe('pglite');
      expect(handle.location).toBe(dir);
      expect(readFileSync(join(dir, 'cairn.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirectoryLockedError);
      // The refused open did not release the holder's lock.
      expect(existsSync(join(dir, 'cairn.lock'))).toBe(true);
      await handle.migrate(); // idempotent
      await handle.db.execute(sql`insert into instance_settings (key, value) values ('test_key', 'kept')`);
    } finally {
      await handle.close();
    }
    expect(existsSync(join(dir, 'cairn.lock'))).toBe(false);

    const reopened = await openPglite(dir);
    try {
      await reopened.ping();
      const rows = await queryRows<{ value: string }>(reopened.db, sql`select value from instance_settings where key = 'test_key'`);
      expect(rows).toEqual([{ value: 'kept' }]);
    } finally {
      await reopened.close();
    }
  });
});
