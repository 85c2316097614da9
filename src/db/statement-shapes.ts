import { PgDialect } from 'drizzle-orm/pg-core';
import { isDeepStrictEqual } from 'node:util';
import type { SQL } from 'drizzle-orm';

/** A statement as the driver takes it: its text and its parameters. */
export interface BuiltStatement {
  sql: string;
  params: unknown[];
}

/** A statement built once with stand-ins; `slots[i]` is the index of the value parameter i takes, or null. */
interface Shape {
  sql: string;
  params: unknown[];
  slots: (number | null)[];
}

const dialect = new PgDialect();
const MARK = '\u{E000}';
const standIn = (i: number) => `${MARK}cairn-value-${i}${MARK}`;
/** Beyond this many shapes, statements are built each call (the set of shapes is small and fixed: a safety valve). */
const MAX_SHAPES = 512;
const shapes = new Map<string, Shape>();

/**
 * Tests check every kept statement against a fresh build (vitest.config.ts sets this): a key that missed a choice the
 * builder makes would otherwise serve one reader the statement built for another.
 */
const checking = () => process.env.CAIRN_CHECK_STATEMENT_SHAPES === '1';

/**
 * The statement `make(values)` builds, built ONCE per `key` with stand-ins in place of the values, then filled with
 * each call's values. Drizzle's building of a large statement (a team page: 0.11 ms of CPU and a third of the call's
 * allocation, issue 12) is then paid once. `key` must name every choice `make` makes other than the values (the
 * reader's role, which filters are set); each value may only travel as a whole parameter, never be changed, tested
 * or written into the text, which the first build checks.
 */
export function shapedStatement(key: string, values: readonly string[], make: (values: readonly string[]) => SQL): BuiltStatement {
  let shape = shapes.get(key);
  if (!shape) {
    shape = shapeOf(key, values.length, make);
    if (shapes.size < MAX_SHAPES) shapes.set(key, shape);
  }
  const { slots } = shape;
  const params = shape.params.map((param, i) => (slots[i] === null ? param : values[slots[i]!]));
  const built = { sql: shape.sql, params };
  if (checking()) {
    const fresh = dialect.sqlToQuery(make(values));
    if (fresh.sql !== built.sql || !isDeepStrictEqual(fresh.params, built.params))
      throw new Error(`The statement kept for "${key}" is not what its builder makes for these values: the key misses a choice.`);
  }
  return built;
}

function shapeOf(key: string, count: number, make: (values: readonly string[]) => SQL): Shape {
  const standIns = Array.from({ length: count }, (_, i) => standIn(i));
  const { sql, params } = dialect.sqlToQuery(make(standIns));
  if (sql.includes(MARK)) throw new Error(`The statement for "${key}" writes a value into its text.`);
  const slots = params.map((param) => {
    if (typeof param !== 'string' || !param.includes(MARK)) return null;
    const slot = standIns.indexOf(param);
    if (slot < 0) throw new Error(`The statement for "${key}" changes a value before sending it.`);
    return slot;
  });
  return { sql, params, slots };
}
