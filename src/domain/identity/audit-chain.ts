import { createHash } from 'node:crypto';

/** What an audit entry says; its hash covers all of it and the previous entry's hash. */
export interface AuditFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface StoredEntry extends AuditFields {
  id: string;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

export function entryHash(prevHash: string, fields: AuditFields): string {
  const { seq, at, actorId, actorName, action, targetType, targetId, details, ip } = fields;
  const body = canonicalJson({ seq, at: at.toISOString(), actorId, actorName, action, targetType, targetId, details, ip });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** Where verification starts (after pruning, the last pruned entry) and where the chain's head should be. */
export interface ChainEnds {
  anchorSeq: number;
  anchorHash: string;
  headSeq: number;
  headHash: string;
}

export type Verdict =
  { ok: true; checked: number } | { ok: false; checked: number; seq: number; problem: 'altered' | 'removed'; message: string };

/**
 * Walks the entries (in sequence order) from the anchor to the head and names the first one altered or
 * removed: a gap in the sequence is a removal, a hash that no longer matches its content (or a link that
 * no longer matches its predecessor) an alteration, and a head beyond the last entry a removal at the end.
 */
export function verifyChain(ends: ChainEnds, entries: readonly StoredEntry[]): Verdict {
  let prev = ends.anchorHash;
  let expected = ends.anchorSeq + 1;
  let checked = 0;
  const removed = (seq: number): Verdict => ({ ok: false, checked, seq, problem: 'removed', message: `Entry #${seq} was removed.` });
  for (const entry of entries) {
    if (entry.seq > expected) return removed(expected);
    // A link that no longer matches means the entry before it was changed (and its hash recomputed).
    if (entry.prevHash !== prev && entry.seq === expected && expected - 1 > ends.anchorSeq) {
      const seq = expected - 1;
      return { ok: false, checked: checked - 1, seq, problem: 'altered', message: `Entry #${seq} was altered.` };
    }
    if (entry.seq < expected || entry.prevHash !== prev || entryHash(prev, entry) !== entry.hash) {
      return { ok: false, checked, seq: entry.seq, problem: 'altered', message: `Entry #${entry.seq} was altered.` };
    }
    prev = entry.hash;
    expected += 1;
    checked += 1;
  }
  if (expected <= ends.headSeq) return removed(expected);
  if (prev !== ends.headHash)
    return { ok: false, checked, seq: expected - 1, problem: 'altered', message: `Entry #${expected - 1} was altered.` };
  return { ok: true, checked };
}

// Activity that belongs in the audit log: who may do what, the organisation's settings, credentials,
// data leaving or entering, deletions and overrides. Everyday OKR edits stay in the activity feed only.
const AUDITED = [
  /^user\./,
  /^team\./,
  /^organization\./,
  /^token\./,
  /^ingest_token\./,
  /^invitation\./,
  /^import\./,
  /^rollout\./,
  /^kpi_settings\./,
  /^report\.share/,
  /\.deleted$/,
  /overrid/,
  /^audit\./,
  /^scim\./,
  /^sso\./,
  /^webhook\./,
];
const NOT_AUDITED = new Set(['user.quiet-hours-updated']);

export const isAudited = (action: string) => !NOT_AUDITED.has(action) && AUDITED.some((pattern) => pattern.test(action));
