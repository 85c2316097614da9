import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';

/**
 * Which tables make up an organisation, read from the database's own catalog so that a table or
 * column added by a later migration is exported without touching this code. Every table with an
 * `org_id` belongs to one organisation; a few child tables reach it through a parent instead.
 * Credentials and in-flight machinery stay out: sessions, passwords (accounts), API and ingest
 * tokens (secrets), the outbox and job runs (deliveries and schedules, not the organisation's data).
 */
// check_in_digests and objective_key_result_digests are derived: PostgreSQL rebuilds them from the key results and
// check-ins as they are imported (their triggers).
const EXCLUDED = new Set([
  'organizations',
  'api_tokens',
  'ingest_tokens',
  'outbox',
  'job_runs',
  'sessions',
  'accounts',
  'check_in_digests',
  // Derived too: the import counts the closed cycles' evaluation figures again (refresh_closed_cycle_figures).
  'closed_cycle_figures',
  'objective_key_result_digests',
  // Derived too: each objective's key result count and staleness dates, remade by the key results' trigger.
  'objective_check_in_dates',
  // Tokens the heatmap keeps its facts under: the objectives' triggers make them again as the import writes them.
  'heatmap_team_changes',
  // The adoption figures' facts kept per team and cycle: the triggers make the rows again, without facts, as the
  // import writes the objectives (the first report counts them).
  'adoption_team_facts',
  // Derived from the alignments by their triggers as they are imported (objective_children).
  'objective_children',
  // Derived: the open cycles' evaluation figures, rebuilt by the import (refresh_objective_evaluation_figures).
  'objective_evaluation_figures',
  // The audit log is the record of what happened on this instance, chained by hash: an imported organisation starts its own.
  'audit_entries',
  'audit_chains',
  'scim_tokens',
  // Event webhook endpoints hold signing secrets, and their delivery log is machinery: re-register them after an import.
  'webhook_endpoints',
  'webhook_deliveries',
  // The Slack app's signing secret and bot token, and one-time link codes: credentials, not data.
  'slack_installations',
  'slack_link_codes',
  // Holds the identity provider's client secret; an imported organisation configures its own single sign-on.
  'sso_providers',
]);
/** Tables without `org_id`, owned through a parent row that has it. */
const CHILD_TABLES: Record<string, { column: string; parent: string }> = {
  comment_mentions: { column: 'comment_id', parent: 'comments' },
};

export interface ColumnInfo {
  name: string;
  /** PostgreSQL type name (udt_name): uuid, text, int4, numeric, timestamptz, jsonb, _text… */
  type: string;
  nullable: boolean;
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** How rows of this organisation are selected: `org_id`, or a parent column for a child table. */
  scope: { kind: 'org' } | { kind: 'child'; column: string; parent: string };
  /** Columns that reference another row of the same table (a parent team, a manager): parents insert first. */
  selfReferences: string[];
}

interface CatalogColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: string;
  is_generated: string;
}

interface ForeignKeyRow {
  child: string;
  parent: string;
  columns: string;
}

/** The organisation's tables in an order where every referenced table comes before the tables pointing at it. */
export async function organizationTables(db: Executor): Promise<TableInfo[]> {
  const columns = await queryRows<CatalogColumn>(
    db,
    sql`select table_name, column_name, udt_name, is_nullable, is_generated from information_schema.columns
        where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const keys = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select tc.table_name, kcu.column_name from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY' order by tc.table_name, kcu.ordinal_position`,
  );
  const foreignKeys = await queryRows<ForeignKeyRow>(
    db,
    sql`select c.relname as child, p.relname as parent,
          (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any(k.conkey)) as columns
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = k.connamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of columns) {
    const list = byTable.get(c.table_name) ?? [];
    list.push({ name: c.column_name, type: c.udt_name, nullable: c.is_nullable === 'YES', generated: c.is_generated === 'ALWAYS' });
    byTable.set(c.table_name, list);
  }
  const tables: TableInfo[] = [];
  for (const [name, cols] of byTable) {
    if (EXCLUDED.has(name)) continue;
    const child = CHILD_TABLES[name];
    if (!child && !cols.some((c) => c.name === 'org_id')) continue;
    tables.push({
      name,
      columns: cols,
      primaryKey: keys.filter((k) => k.table_name === name).map((k) => k.column_name),
      scope: child ? { kind: 'child', ...child } : { kind: 'org' },
      selfReferences: foreignKeys
        .filter((fk) => fk.child === name && fk.parent === name)
        .flatMap((fk) => fk.columns.split(',').filter((c) => c !== 'org_id')),
    });
  }
  return orderByReferences(tables, foreignKeys);
}

/** Depth-first: a table after every table it references (self-references and cycles aside). */
function orderByReferences(tables: TableInfo[], foreignKeys: ForeignKeyRow[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.has(name) || !byName.has(name)) return;
    state.set(name, 'visiting');
    const parents = foreignKeys.filter((fk) => fk.child === name && fk.parent !== name).map((fk) => fk.parent);
    const child = CHILD_TABLES[name];
    for (const parent of [...parents, ...(child ? [child.parent] : [])].sort()) visit(parent);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}
