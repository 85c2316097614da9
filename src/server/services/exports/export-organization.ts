import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Transaction } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeExport } from '../../policies/imports.js';
import { notFound } from '../../errors.js';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, quoteIdent } from './document.js';
import { organizationTables, type TableInfo } from './organization-tables.js';
import { recordAudit } from '../audit/record-audit.js';

/** Rows per query: big enough to be quick, small enough that a 1.5 M-row table never sits in memory. */
const PAGE = 2_000;

export type Write = (chunk: string) => Promise<void>;

/** One page of a table after `after` (its primary key values), in primary-key order; PostgreSQL renders each row as JSON. */
function pageQuery(table: TableInfo, orgId: string, after: string[] | null): SQL {
  const name = sql.raw(quoteIdent(table.name));
  const key = table.primaryKey.map((c) => table.columns.find((col) => col.name === c)!);
  const keyList = sql.raw(key.map((c) => `t.${quoteIdent(c.name)}`).join(', '));
  const keyText = sql.raw(key.map((c, i) => `t.${quoteIdent(c.name)}::text as k${i}`).join(', '));
  const scope =
    table.scope.kind === 'org'
      ? sql`t.org_id = ${orgId}`
      : sql`t.${sql.raw(quoteIdent(table.scope.column))} in (select id from ${sql.raw(quoteIdent(table.scope.parent))} where org_id = ${orgId})`;
  const afterKey = after
    ? sql` and (${keyList}) > (${sql.join(
        after.map((v, i) => sql`${v}::${sql.raw(key[i]!.type)}`),
        sql`, `,
      )})`
    : sql``;
  return sql`select row_to_json(t)::text as row, ${keyText} from ${name} t where ${scope}${afterKey} order by ${keyList} limit ${PAGE}`;
}

async function writeTable(tx: Transaction, table: TableInfo, orgId: string, write: Write): Promise<number> {
  let after: string[] | null = null;
  let count = 0;
  for (;;) {
    const rows: Record<string, string>[] = await queryRows<Record<string, string>>(tx, pageQuery(table, orgId, after));
    for (const row of rows) await write(`${count++ === 0 ? '\n' : ',\n'}${row.row}`);
    if (rows.length < PAGE) return count;
    const last = rows[rows.length - 1]!;
    after = table.primaryKey.map((_, i) => last[`k${i}`]!);
  }
}

/**
 * Writes the organisation as one JSON document, table by table and page by page, from one read-only
 * snapshot (repeatable read), so the document is consistent while people keep working. On PGlite the
 * snapshot holds the one connection: other requests wait until the export is written.
 */
export async function exportOrganization(deps: { db: Database }, actor: Actor, write: Write, now = new Date()): Promise<void> {
  authorizeExport(actor);
  // Recorded before the read-only snapshot: who took the organisation's data is logged even if the download breaks off.
  await deps.db.transaction((tx) =>
    recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'organization.exported',
      targetType: 'organization',
      targetId: actor.orgId,
    }),
  );
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`set local timezone to 'UTC'`);
    const [organization] = await queryRows<{ row: string }>(
      tx,
      sql`select row_to_json(o)::text as row from organizations o where o.id = ${actor.orgId}`,
    );
    if (!organization) throw notFound('organization');
    const tables = await organizationTables(tx);
    const head = { format: EXPORT_FORMAT, schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt: now.toISOString() };
    await write(`${JSON.stringify(head).slice(0, -1)},\n"organization": ${organization.row},\n"tables": {`);
    for (const [i, table] of tables.entries()) {
      await write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(table.name)}: [`);
      await writeTable(tx, table, actor.orgId, write);
      await write(']');
    }
    await write('\n}}\n');
  });
}
