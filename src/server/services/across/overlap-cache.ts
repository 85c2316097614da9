/**
 * The department map's overlaps, kept per input. Finding them compares every pair of distinct title word sets that
 * could overlap: a generated scale-1 cycle has 3,400 word sets over 44 words, so prefix filtering prunes little and
 * it costs hundreds of milliseconds, while titles change far less often than the map is read. The answer is a pure
 * function of the objectives' ids, titles and teams in order, so it is kept under a digest of exactly that, taken by
 * PostgreSQL (`overlapDigest`): any change (a title, a team, an objective published, archived or hidden from this
 * reader) makes a new digest, and a kept answer needs no title read at all.
 */
import { sql, type SQL } from 'drizzle-orm';
import { overlapSummary, type Overlap } from '../../../domain/across/overlap-summary.js';
import type { TitledObjective } from '../../../domain/across/overlaps.js';

/** The closest overlaps with what the map shows of both objectives, and how many overlapping pairs there are. */
export interface KeptOverlaps {
  total: number;
  closest: Overlap[];
  /** Title and team of every objective in `closest`, as they were when the digest was taken. */
  listed: Map<string, TitledObjective>;
}

/** A few organisations' cycles and visibility scopes; each entry is a count and at most `most` pairs. */
const KEPT = 32;
const kept = new Map<string, KeptOverlaps>();

/**
 * SHA-256 (base64) of the objectives' ids, teams and titles in id order, over a query naming them `id`, `team_id` and
 * `title`: lengths prefix the free text so that no title can pass for another split.
 */
export const overlapDigest = (rows: SQL) =>
  sql`(select encode(sha256(convert_to(coalesce(string_agg(r.id::text || '/' || coalesce(r.team_id::text, '') || '/'
    || length(r.title) || ':' || r.title, '|' order by r.id), ''), 'UTF8')), 'base64') from ${rows} r)`;

/** The kept answer for a digest, if any (and it becomes the most recently used). */
export function keptOverlaps(key: string, most: number): KeptOverlaps | undefined {
  const found = kept.get(`${most}:${key}`);
  if (found) {
    kept.delete(`${most}:${key}`);
    kept.set(`${most}:${key}`, found);
  }
  return found;
}

/** Finds the overlaps of the objectives (in id order, as digested) and keeps them under the digest. */
export function keepOverlaps(key: string, objectives: readonly TitledObjective[], most: number): KeptOverlaps {
  const summary = overlapSummary(objectives, most);
  const ids = new Set(summary.closest.flatMap((o) => [o.a, o.b]));
  const listed = new Map(objectives.filter((o) => ids.has(o.id)).map((o) => [o.id, o]));
  const entry = { ...summary, listed };
  kept.set(`${most}:${key}`, entry);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return entry;
}
