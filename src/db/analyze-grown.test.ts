import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from './database.js';
import { openPgliteInMemory } from './pglite-engine.js';

let handle: DatabaseHandle;
beforeEach(async () => {
  handle = await openPgliteInMemory();
  await handle.migrate();
  await handle.maintain!(); // whatever migrating left behind
});
afterEach(() => handle.close());

const estimatedRows = async (table: string) =>
  Number((await queryRows<{ n: number }>(handle.db, sql`select reltuples::float8 as n from pg_class where relname = ${table}`))[0]!.n);
const addOrganizations = (n: number) =>
  handle.db.execute(sql`insert into organizations (name) select 'Org ' || g from generate_series(1, ${n}::int) g`);

it('PGlite upkeep analyzes a table once it has grown, so the planner sees its real size', async () => {
  expect(await handle.maintain!(), 'nothing moved').toEqual([]);
  await addOrganizations(5_000);
  expect(await estimatedRows('organizations'), 'the planner has not seen the rows yet').toBeLessThan(1);

  expect(await handle.maintain!()).toEqual(['organizations']);
  expect(await estimatedRows('organizations')).toBe(5_000);
  expect(await handle.maintain!(), 'analyzed once, not on every tick').toEqual([]);

  // A few more rows stay under the threshold; a fifth more is analyzed again.
  await addOrganizations(100);
  expect(await handle.maintain!()).toEqual([]);
  await addOrganizations(1_500);
  expect(await handle.maintain!()).toEqual(['organizations']);
  expect(await estimatedRows('organizations')).toBe(6_600);
});
