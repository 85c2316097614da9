import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Transaction } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { conflict } from '../../errors.js';
import type { EventBus } from '../../events/bus.js';
import { authorizeExport } from '../../policies/imports.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { quoteIdent, type OrganizationDocument, type Row } from './document.js';
import { organizationTables, type TableInfo } from './organization-tables.js';
import { checkAgainstCatalog, readDocument } from './read-document.js';
import { idRemapper } from './remap-ids.js';
import { parentsFirst } from './parents-first.js';

const CHUNK = 500;
/** What an empty organisation may already hold: its first person and the record of its creation. */
const ALLOWED_IN_EMPTY = new Set(['users', 'activities']);

export interface OrganizationImportResult {
  kind: 'organization';
  dryRun: boolean;
  organizationId: string;
  /** Rows per table that were (or, in a dry run, would be) written. */
  tables: Record<string, number>;
}

class DryRunRollback extends Error {}

async function assertEmpty(tx: Transaction, tables: TableInfo[], actor: Actor): Promise<void> {
  for (const table of tables) {
    if (table.scope.kind !== 'org' || table.name === 'activities') continue;
    const others = table.name === 'users' ? sql` and id <> ${actor.userId}` : sql``;
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${sql.raw(quoteIdent(table.name))} where org_id = ${actor.orgId}${others}`,
    );
    if (row!.n > 0 && !ALLOWED_IN_EMPTY.has(table.name))
      throw conflict('organization', `Import into an empty organisation: this one already has ${row!.n} rows in ${table.name}.`);
    if (row!.n > 0) throw conflict('organization', `Import into an empty organisation: it already has ${row!.n} other people.`);
  }
}

async function refuseTakenEmails(tx: Transaction, people: Row[], actor: Actor): Promise<void> {
  const emails = people.map((p) => String(p.email).toLowerCase());
  if (emails.length === 0) return;
  const taken = await queryRows<{ email: string }>(
    tx,
    sql`select email from users where lower(email) in (${sql.join(
      emails.map((e) => sql`${e}`),
      sql`, `,
    )}) and id <> ${actor.userId}`,
  );
  if (taken.length === 0) return;
  const index = emails.indexOf(taken[0]!.email.toLowerCase());
  throw conflict(`tables.users[${index}].email`, `${taken[0]!.email} already has an account on this Cairn (in another organisation).`);
}

async function insertRows(tx: Transaction, table: TableInfo, rows: Row[]): Promise<void> {
  const columns = table.columns.filter((c) => !c.generated).map((c) => quoteIdent(c.name));
  const list = sql.raw(columns.join(', '));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(
      sql`insert into ${sql.raw(quoteIdent(table.name))} (${list}) overriding system value
          select ${list} from json_populate_recordset(null::${sql.raw(quoteIdent(table.name))}, ${json}::json)`,
    );
  }
}

/** The importing person already exists: their row takes the document's values, keeping its id and e-mail. */
async function updateImporter(tx: Transaction, table: TableInfo, row: Row, actor: Actor): Promise<void> {
  const columns = table.columns.filter((c) => !c.generated && !['id', 'org_id', 'email'].includes(c.name));
  const sets = sql.raw(columns.map((c) => `${quoteIdent(c.name)} = r.${quoteIdent(c.name)}`).join(', '));
  await tx.execute(
    sql`update users u set ${sets} from json_populate_record(null::users, ${JSON.stringify(row)}::json) r where u.id = ${actor.userId}`,
  );
}

async function writeDocument(tx: Transaction, document: OrganizationDocument, actor: Actor): Promise<Record<string, number>> {
  await tx.execute(sql`set local timezone to 'UTC'`);
  const tables = await organizationTables(tx);
  checkAgainstCatalog(document, tables);
  await assertEmpty(tx, tables, actor);
  const people = document.tables.users ?? [];
  await refuseTakenEmails(tx, people, actor);
  const importer = people.find((p) => String(p.email).toLowerCase() === actor.email.toLowerCase());
  const fixed = new Map([[String(document.organization.id), actor.orgId]]);
  if (importer) fixed.set(String(importer.id), actor.userId);
  const { remap } = idRemapper(actor.orgId, fixed, new Set(people.map((p) => String(p.id))));

  const organization = remap(document.organization) as Row;
  await tx.execute(
    sql`update organizations o set name = r.name, time_zone = r.time_zone, settings = r.settings, created_at = r.created_at
        from json_populate_record(null::organizations, ${JSON.stringify(organization)}::json) r where o.id = ${actor.orgId}`,
  );
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = (document.tables[table.name] ?? []).map((row) => remap(row) as Row);
    if (rows.length === 0) continue;
    const own = table.name === 'users' ? rows.filter((r) => r.id === actor.userId) : [];
    for (const row of own) await updateImporter(tx, table, row, actor);
    await insertRows(
      tx,
      table,
      parentsFirst(
        rows.filter((r) => !own.includes(r)),
        table.selfReferences,
      ),
    );
    counts[table.name] = rows.length;
  }
  // An export written before survey answers carried their response's team (migration 0042) leaves it empty.
  await tx.execute(
    sql`update survey_answers a set team_id = r.team_id from survey_responses r
        where a.org_id = ${actor.orgId} and r.org_id = a.org_id and r.id = a.response_id
          and a.team_id is null and r.team_id is not null`,
  );
  // Derived, not exported: the closed cycles' evaluation figures are counted again from the imported rows.
  await tx.execute(sql`select refresh_closed_cycle_figures(org_id, id) from cycles where org_id = ${actor.orgId} and status = 'closed'`);
  // Kept by triggers as the rows went in, but counted again once all of them are there (a key result's team, cycle
  // and check-ins may have arrived after it).
  await tx.execute(sql`select refresh_objective_evaluation_figures(array(select id from objectives where org_id = ${actor.orgId}))`);
  return counts;
}

/**
 * Imports a lossless organisation export into the caller's organisation, which must be empty (only
 * its first person). Every id is remapped (see remap-ids.ts); the importer's own person row, matched
 * by e-mail, takes the document's values. All of it in one transaction: a failure writes nothing.
 * A dry run does the same work and rolls it back, answering what would be written.
 */
export async function importOrganization(
  deps: { db: Database; events: EventBus },
  actor: Actor,
  bytes: Buffer,
  options: { dryRun: boolean },
): Promise<OrganizationImportResult> {
  authorizeExport(actor);
  const document = readDocument(bytes);
  let tables: Record<string, number> = {};
  try {
    await writeAndAnnounce(deps, actor.orgId, async (tx) => {
      tables = await writeDocument(tx, document, actor);
      await recordActivity(tx, {
        orgId: actor.orgId,
        actorId: actor.userId,
        action: 'organization.imported',
        entityType: 'organization',
        entityId: actor.orgId,
      });
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { kind: 'organization', dryRun: options.dryRun, organizationId: actor.orgId, tables };
}
