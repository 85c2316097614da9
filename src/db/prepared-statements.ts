import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './database.js';

/**
 * Named (prepared) statements for the hottest reads on a PostgreSQL server. A statement sent unnamed is parsed and
 * planned on every call: the team page's two statements spent 2 ms planning against 1.3 ms executing (issue 12,
 * scale 1). A named statement is parsed once per connection, and after five calls PostgreSQL may keep a generic plan.
 *
 * Only statements whose TEXT is fixed belong here (values travel as parameters: arrays as one parameter, never an
 * `in (…)` list whose length varies): each distinct text stays prepared on every pooled connection. As a safety valve,
 * past MAX_NAMES distinct texts further statements go unnamed. PGlite ignores the name.
 */
const MAX_NAMES = 256;
const dialect = new PgDialect();

/**
 * Names statements by their text, so one text always gets one name on every connection; after `max` distinct texts,
 * new ones get none (sent unnamed) while the known ones keep theirs.
 */
export function statementNamer(max: number): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    const known = names.get(text);
    if (known || names.size >= max) return known;
    const name = `cairn_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
}

const namer = statementNamer(MAX_NAMES);
let named = true;
const statementName = (text: string) => (named ? namer(text) : undefined);

/**
 * Whether hot reads go as named statements (the default). Off behind a pooler that cannot keep them, such as
 * PgBouncer in transaction mode before 1.21 (`CAIRN_DB_NAMED_STATEMENTS=false`): every statement then goes unnamed.
 */
export function useNamedStatements(on: boolean): void {
  named = on;
}

/** Raw SQL of fixed text, run as a named statement; its rows. */
export function queryPrepared<T>(executor: Executor, query: SQL): Promise<T[]> {
  return queryBuiltPrepared<T>(executor, dialect.sqlToQuery(query));
}

/** A statement already built (db/statement-shapes.ts), run as a named statement; its rows. */
export async function queryBuiltPrepared<T>(executor: Executor, built: { sql: string; params: unknown[] }): Promise<T[]> {
  const prepared = executor._.session.prepareQuery(built, undefined, statementName(built.sql), false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}

/** A drizzle select of fixed text, run as a named statement; its mapped rows. */
export function selectPrepared<T>(query: { toSQL(): { sql: string }; prepare(name: string): { execute(): Promise<T> } }): Promise<T> {
  const name = statementName(query.toSQL().sql);
  return name ? query.prepare(name).execute() : (query as unknown as Promise<T>);
}
