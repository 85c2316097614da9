/**
 * The department map's overlaps, kept per input. Finding them compares every pair of distinct title word sets that
 * could overlap: a generated scale-1 cycle has 3,400 word sets over 44 words, so prefix filtering prunes little and
 * it costs hundreds of milliseconds, while titles change far less often than the map is read. The answer is a pure
 * function of the objectives' ids, titles and teams in order, so it is kept under a digest of exactly that: any
 * change (a title, a team, an objective published, archived or hidden from this reader) makes a new digest.
 */
import { createHash } from 'node:crypto';
import { overlapSummary } from '../../../domain/across/overlap-summary.js';
import type { TitledObjective } from '../../../domain/across/overlaps.js';

/** A few organisations' cycles and visibility scopes; each entry is a count and at most `most` pairs. */
const KEPT = 32;
const kept = new Map<string, ReturnType<typeof overlapSummary>>();

export function cachedOverlapSummary(objectives: readonly TitledObjective[], most: number): ReturnType<typeof overlapSummary> {
  const hash = createHash('sha256').update(String(most));
  for (const o of objectives) hash.update(`\u0000${o.id}\u0001${o.teamId ?? ''}\u0001${o.title}`);
  const key = hash.digest('base64');
  let summary = kept.get(key);
  if (summary) kept.delete(key);
  else summary = overlapSummary(objectives, most);
  kept.set(key, summary);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return summary;
}
