import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { shapedStatement } from './statement-shapes.js';

const fresh = (query: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(query);
let keys = 0;
const newKey = () => `test shape ${keys++}`;

describe('a statement built once per shape', () => {
  const make = (v: readonly string[]) =>
    sql`select * from objectives where org_id = ${v[0]} and (owner_id = ${v[1]} or team_id = ${v[2]}) and limit_ = ${5}`;

  it('answers, for each call, what building it afresh with that call’s values answers', () => {
    const key = newKey();
    for (const values of [
      ['org-1', 'user-1', 'team-1'],
      ['org-2', 'user-2', 'team-2'],
      ['org-2', 'user-2', 'user-2'],
    ]) {
      const built = shapedStatement(key, values, make);
      const expected = fresh(make(values));
      expect(built.sql).toBe(expected.sql);
      expect(built.params).toEqual(expected.params);
    }
  });

  it('refuses a builder that writes a value into the text, or changes it before sending it', () => {
    expect(() => shapedStatement(newKey(), ['a'], (v) => sql`select ${sql.raw(`'${v[0]}'`)}`)).toThrow(/writes a value into its text/);
    expect(() => shapedStatement(newKey(), ['a'], (v) => sql`select * from t where title ilike ${`%${v[0]}%`}`)).toThrow(
      /changes a value before sending it/,
    );
  });

  it('finds, in tests, a key that misses a choice the builder makes', () => {
    const key = newKey();
    const choosing = (admin: boolean) => (v: readonly string[]) => (admin ? sql`select ${v[0]}` : sql`select ${v[0]} where false`);
    shapedStatement(key, ['a'], choosing(true));
    expect(process.env.CAIRN_CHECK_STATEMENT_SHAPES).toBe('1');
    expect(() => shapedStatement(key, ['b'], choosing(false))).toThrow(/the key misses a choice/);
  });
});
