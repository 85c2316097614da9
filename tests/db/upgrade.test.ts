import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../../src/db/pglite-extensions.js';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/database.js';
import { migrationsFolder } from '../../src/db/migrations-folder.js';
import { testEngineKinds } from '../support/engines.js';
import { expectRefused, single, SQLSTATE } from './world.js';

/** The migrations up to and including `lastTag`: the database as an older Cairn left it. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return dir;
}

interface Upgradable {
  db: Database;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openEmpty(kind: 'pglite' | 'postgres'): Promise<Upgradable> {
  if (kind === 'pglite') {
    const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
    const db = drizzlePglite({ client });
    return {
      db: db as unknown as Database,
      migrate: (folder) => migratePglite(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `cairn_up_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  const db = drizzlePostgres({ client: pool });
  return {
    db: db as unknown as Database,
    migrate: (folder) => migratePostgres(db, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** Rows an older Cairn could hold: a duplicate alignment and comments and reactions whose target is gone. */
async function insertOldMess(db: Database) {
  const org = single(await queryRows<{ id: string }>(db, sql`insert into organizations (name) values ('Acme') returning id`));
  const cycle = single(
    await queryRows<{ id: string }>(
      db,
      sql`insert into cycles (org_id, name, start_date, end_date) values (${org.id}, 'Q1', '2026-01-01', '2026-03-31') returning id`,
    ),
  );
  const objective = async (title: string) =>
    single(
      await queryRows<{ id: string }>(
        db,
        sql`insert into objectives (org_id, cycle_id, title) values (${org.id}, ${cycle.id}, ${title}) returning id`,
      ),
    );
  const parent = await objective('Parent');
  const child = await objective('Child');
  const gone = await objective('Gone');
  for (let i = 0; i < 3; i++)
    await db.execute(
      sql`insert into alignments (org_id, child_objective_id, parent_objective_id) values (${org.id}, ${child.id}, ${parent.id})`,
    );
  const kept = single(
    await queryRows<{ id: string }>(
      db,
      sql`insert into comments (org_id, target_type, target_id, body) values (${org.id}, 'objective', ${parent.id}, 'Kept') returning id`,
    ),
  );
  const dangling = single(
    await queryRows<{ id: string }>(
      db,
      sql`insert into comments (org_id, target_type, target_id, body) values (${org.id}, 'objective', ${gone.id}, 'Dangling') returning id`,
    ),
  );
  await db.execute(sql`delete from objectives where id = ${gone.id}`);
  return { orgId: org.id, kept: kept.id, dangling: dangling.id };
}

// A fresh PGlite migrated from nothing takes 20 s or more on a busy machine (the other suites copy a template).
const FRESH_DATABASE_TIMEOUT = 120_000;

for (const kind of testEngineKinds()) {
  describe(`upgrading a database with data [${kind}]`, () => {
    const folders: string[] = [];
    afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it(
      'keeps one of each duplicate alignment and drops the comments and reactions whose target is gone',
      async () => {
        const old = migrationsUpTo('0003_check_in_rhythm');
        folders.push(old);
        const database = await openEmpty(kind);
        try {
          const { db } = database;
          await database.migrate(old);
          const mess = await insertOldMess(db);
          await db.execute(sql`insert into users (id, org_id, name, email) values ('u1', ${mess.orgId}, 'Ada', 'ada@example.test')`);
          await db.execute(
            sql`insert into reactions (org_id, target_type, target_id, user_id, emoji) values (${mess.orgId}, 'comment', ${mess.kept}, 'u1', '👍'), (${mess.orgId}, 'comment', ${mess.dangling}, 'u1', '👍')`,
          );

          await database.migrate(migrationsFolder);

          expect(await queryRows(db, sql`select count(*)::int as n from alignments`)).toEqual([{ n: 1 }]);
          expect(await queryRows(db, sql`select body from comments`)).toEqual([{ body: 'Kept' }]);
          expect(await queryRows(db, sql`select target_id from reactions`)).toEqual([{ target_id: mess.kept }]);
        } finally {
          await database.close();
        }
      },
      FRESH_DATABASE_TIMEOUT,
    );

    it(
      'fails, naming the constraint, when a row breaks an invariant that needs a person to decide',
      async () => {
        const old = migrationsUpTo('0003_check_in_rhythm');
        folders.push(old);
        const database = await openEmpty(kind);
        try {
          await database.migrate(old);
          const { orgId } = await insertOldMess(database.db);
          await database.db.execute(sql`update objectives set weight = 0 where org_id = ${orgId} and title = 'Child'`);
          await expectRefused(database.migrate(migrationsFolder), SQLSTATE.check, 'objectives_weight_check');
          // Nothing half-done: the migrations run in one transaction, so the old schema is intact.
          expect(await queryRows(database.db, sql`select count(*)::int as n from alignments`)).toEqual([{ n: 3 }]);
        } finally {
          await database.close();
        }
      },
      FRESH_DATABASE_TIMEOUT,
    );
  });
}
