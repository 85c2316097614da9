import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REVIEWED_UNSCOPED_QUERIES } from './org-scope-allow-list.js';
import { findUnscopedQueries, orgOwnedTables, serverSources } from './org-scope-check.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const reviewed = new Set(Object.values(REVIEWED_UNSCOPED_QUERIES).flat());

/*
 * A static check, not a proof: a `.from(t)`, `.update(t)` or `.delete(t)` on a table with an `orgId`
 * column passes when its where() names `t.orgId`, or when every value it compares was given to, or
 * returned by, an earlier call in the same function that named the organisation (`orgId`, `scope`).
 * Raw SQL (`sql\`…\``, queryRows) and joined tables are not checked.
 */
describe('queries on organisation-owned tables are scoped', () => {
  it('knows which tables are organisation-owned', () => {
    expect([...orgOwnedTables()]).toEqual(expect.arrayContaining(['objectives', 'keyResults', 'checkIns', 'users', 'teams', 'comments']));
    expect(orgOwnedTables().has('sessions')).toBe(false);
  });

  it('finds no unscoped query in src/server outside the reviewed allow-list', () => {
    const unscoped = serverSources(root, 'src/server').flatMap(({ fileName, text }) => findUnscopedQueries(fileName, text));
    const unreviewed = unscoped.filter((query) => !reviewed.has(query.key)).map((q) => `${q.key} (line ${q.line}): ${q.text}`);
    expect(unreviewed).toEqual([]);
    // An entry whose query is gone or now scoped leaves the list.
    const stillFound = new Set(unscoped.map((query) => query.key));
    expect([...reviewed].filter((key) => !stillFound.has(key))).toEqual([]);
  });

  const fixture = (body: string) => `
    import { and, eq } from 'drizzle-orm';
    import { objectives, keyResults as krs } from '../../db/schema/index.js';
    ${body}`;
  const check = (body: string) => findUnscopedQueries('src/server/services/fixture.ts', fixture(body)).map((query) => query.key);

  it('fails a new query that a request parameter alone scopes', () => {
    expect(
      check(`export async function renameObjective(db, id, title) {
        await db.update(objectives).set({ title }).where(eq(objectives.id, id));
      }`),
    ).toEqual(['src/server/services/fixture.ts › renameObjective › objectives']);
    expect(check(`export const listKrs = (db, objectiveId) => db.select().from(krs).where(eq(krs.objectiveId, objectiveId));`)).toEqual([
      'src/server/services/fixture.ts › listKrs › keyResults',
    ]);
    expect(check(`export async function purge(db) { await db.delete(objectives); }`)).toEqual([
      'src/server/services/fixture.ts › purge › objectives',
    ]);
  });

  it('passes a query scoped by org_id, or by an id loaded through a scoped read', () => {
    expect(
      check(`export async function findObjective(db, scope, id) {
        return db.select().from(objectives).where(and(eq(objectives.orgId, scope.orgId), eq(objectives.id, id)));
      }`),
    ).toEqual([]);
    expect(
      check(`export async function deleteObjective(db, scope, id) {
        const objective = await requireObjective(db, scope.orgId, id);
        await db.delete(krs).where(eq(krs.objectiveId, objective.id));
        await db.delete(objectives).where(eq(objectives.id, id));
      }`),
    ).toEqual([]);
  });
});
