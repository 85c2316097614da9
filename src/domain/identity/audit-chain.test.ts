import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, isAudited, verifyChain, type StoredEntry } from './audit-chain.js';

function chain(count: number, anchorHash = ''): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = anchorHash;
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq)),
      actorId: 'u1',
      actorName: 'Olivia',
      action: 'team.created',
      targetType: 'team',
      targetId: `t${seq}`,
      details: { b: 1, a: [seq] },
      ip: null,
    };
    const hash = entryHash(prev, fields);
    entries.push({ ...fields, id: `e${seq}`, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}
const ends = (entries: StoredEntry[]) => ({ anchorSeq: 0, anchorHash: '', headSeq: entries.length, headHash: entries.at(-1)?.hash ?? '' });

describe('verifyChain', () => {
  const good = chain(5);
  it.each<[string, StoredEntry[], { ok: boolean; seq?: number; problem?: string }]>([
    ['an intact chain', good, { ok: true }],
    ['an altered action', good.map((e) => (e.seq === 3 ? { ...e, action: 'team.deleted' } : e)), { ok: false, seq: 3, problem: 'altered' }],
    [
      'altered details',
      good.map((e) => (e.seq === 2 ? { ...e, details: { b: 2, a: [2] } } : e)),
      { ok: false, seq: 2, problem: 'altered' },
    ],
    [
      'a recomputed hash without the next link',
      good.map((e) => (e.seq === 2 ? { ...e, actorName: 'X', hash: entryHash(e.prevHash, { ...e, actorName: 'X' }) } : e)),
      { ok: false, seq: 2, problem: 'altered' },
    ],
    ['a removed middle entry', good.filter((e) => e.seq !== 4), { ok: false, seq: 4, problem: 'removed' }],
    ['a removed first entry', good.filter((e) => e.seq !== 1), { ok: false, seq: 1, problem: 'removed' }],
    ['a removed last entry', good.filter((e) => e.seq !== 5), { ok: false, seq: 5, problem: 'removed' }],
  ])('%s', (_, entries, verdict) => {
    expect(verifyChain(ends(good), entries)).toMatchObject(verdict);
  });

  it('starts at the anchor left by pruning', () => {
    const all = chain(6);
    const kept = all.slice(3);
    expect(verifyChain({ anchorSeq: 3, anchorHash: all[2]!.hash, headSeq: 6, headHash: all[5]!.hash }, kept)).toEqual({
      ok: true,
      checked: 3,
    });
    expect(verifyChain({ anchorSeq: 3, anchorHash: 'forged', headSeq: 6, headHash: all[5]!.hash }, kept)).toMatchObject({
      ok: false,
      seq: 4,
    });
  });
});

it('canonicalJson ignores key order at every depth', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
    canonicalJson({ a: { c: null, d: [1, { e: 1, f: 2 }] }, b: 1 }),
  );
});

it.each<[string, boolean]>([
  ['user.updated', true],
  ['team.member-removed', true],
  ['organization.rhythm-updated', true],
  ['token.created', true],
  ['objective.deleted', true],
  ['key_result.score-overridden', true],
  ['objective.publish-overridden', true],
  ['organization.imported', true],
  ['check_in.created', false],
  ['objective.updated', false],
  ['user.quiet-hours-updated', false],
])('isAudited(%s) is %s', (action, audited) => {
  expect(isAudited(action)).toBe(audited);
});
