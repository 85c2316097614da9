/**
 * The read-time rules (partial-score.ts) counted without building their findings: a view scoring a whole cycle
 * (the heatmap, 12,500 objectives) needs only how many findings each rule would give, not the messages. Each count
 * equals `rule.check(…).length` for the same objective and context (read-time-counts.test.ts).
 */
import { isAtLeast, FLOAT_EPSILON } from '../numbers.js';
import { DEFAULT_STATUS_MARGINS } from '../status.js';
import type { ObjectiveType } from '../vocabulary.js';
import { isBlank, isNumber } from './helpers.js';
import type { ScoredRules } from './partial-score.js';
import { DEFAULT_CADENCE_DAYS } from './rules/rhythm.js';
import type { QualityPrinciples } from './types.js';

/** What the read-time rules read of one objective, reduced to what decides their findings. */
export interface ReadTimeFacts {
  type: ObjectiveType;
  ownerId: string | null;
  /** Active in an open cycle: only then do the rhythm rules look at it (a draft, closed or archived one is not tracked). */
  tracked: boolean;
  progress: number;
  /** Expected progress on the date when tracked, else undefined (as the heatmap's draft gives it). */
  expectedProgress: number | undefined;
  /** isBlank of the note of its latest check-in. */
  latestNoteBlank: boolean;
  /** Day numbers (days since 1970-01-01) of its non-rollup key results' last check-in, else creation, dates (valid dates only). */
  checkInFromDays: readonly number[];
}

export interface ReadTimeContext {
  /** Day number of the date scored on; null when it is not a valid date (the rhythm rule then finds nothing). */
  asOfDay: number | null;
  cadenceDays: number | undefined;
  ownerObjectiveCount: number | undefined;
  cycleAspirationalShare: number | undefined;
  cycleNumber: number | undefined;
}

type Count = (o: ReadTimeFacts, c: ReadTimeContext, p: QualityPrinciples) => number;

const COUNTS: Readonly<Record<string, Count>> = {
  'no-recent-check-in'(o, c) {
    if (c.asOfDay === null || !o.tracked) return 0;
    const cadence = isNumber(c.cadenceDays) && c.cadenceDays > 0 ? c.cadenceDays : DEFAULT_CADENCE_DAYS;
    const oldest = c.asOfDay - 2 * cadence;
    let n = 0;
    for (const day of o.checkInFromDays) if (day < oldest) n++;
    return n;
  },
  'behind-pace-without-note'(o) {
    if (o.type !== 'committed' || !isNumber(o.progress) || !isNumber(o.expectedProgress)) return 0;
    if (isAtLeast(o.progress, o.expectedProgress - DEFAULT_STATUS_MARGINS.onTrackMargin)) return 0;
    return o.latestNoteBlank ? 1 : 0;
  },
  'owner-overloaded'(o, c, p) {
    if (isBlank(o.ownerId)) return 0;
    return c.ownerObjectiveCount !== undefined && c.ownerObjectiveCount > p.maxObjectivesPerOwner ? 1 : 0;
  },
  'stretch-policy'(o, c, p) {
    if (o.type !== 'aspirational') return 0;
    if (c.cycleNumber !== undefined && c.cycleNumber <= p.stretchPolicy.committedOnlyCycles) return 1;
    const share = c.cycleAspirationalShare;
    return share !== undefined && share > p.stretchPolicy.maxAspirationalShare + FLOAT_EPSILON ? 1 : 0;
  },
};

/** The counting twin of each scored read-time rule, with its points; throws for a rule that has none. */
export function readTimeCounters(rules: ScoredRules) {
  return rules.map(({ rule, points }) => {
    const count = COUNTS[rule.id];
    if (!count) throw new Error(`the read-time rule ${rule.id} has no count (read-time-counts.ts)`);
    return { count, points };
  });
}
export type ReadTimeCounters = ReturnType<typeof readTimeCounters>;

/** Points the read-time findings cost: penaltyOfRules over the same rules, without their messages. */
export function readTimePenalty(counters: ReadTimeCounters, o: ReadTimeFacts, c: ReadTimeContext, p: QualityPrinciples): number {
  let penalty = 0;
  for (const { count, points } of counters) penalty += count(o, c, p) * points;
  return penalty;
}
