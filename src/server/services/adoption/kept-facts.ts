import { sql } from 'drizzle-orm';
import type { AdoptionClock } from '../../../domain/adoption/index.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { NO_TEAM_KEY } from '../../../db/schema/adoption-facts.js';
import { countTeamCycleFacts } from './count-facts.js';
import type { Range } from './load-rows.js';

/**
 * What the figures count of one team's published objectives in one cycle, whatever the day they are read on
 * (adoption_team_facts, kept until a write replaces its token). Days are ISO dates; absent lists are empty.
 */
export interface TeamCycleFacts {
  /** Objectives by (first live day, quality score): [liveFrom, quality, n]. They are live until the cycle's end. */
  o?: [string, number | null, number][];
  /** When the facts were counted (ms): blockers decided by then are counted; a read at an earlier time counts again. */
  n: number;
  /** Who owns, contributes to or owns a key result of one of them, by the earliest first live day: [day, people]. */
  p?: [string, string[]][];
  /** Each due date of their key results: [day, key results due, of which a check-in came in time]. */
  d?: [string, number, number][];
  /** Key results by the day their score was confirmed: [day or null, n]. */
  r?: [string | null, number][];
  /** The team's retrospective of the cycle: [the day it was started, null when not yet] (absent without a team). */
  t?: [string | null];
  /** Comments per day on the objectives, their key results and check-ins: [day, n]. */
  c?: [string, number][];
  /** Blockers per day raised: [day, answered in time, late (unanswered by `n`'s timeframe), the others' times in ms]. */
  b?: [string, number, number, number[]][];
}

export interface KeptFactsRow {
  cycle_id: string;
  team_key: string;
  /** Replaced by every write that can change the facts: the same token, the same facts. */
  token: string;
  cycle_end: string;
  facts: TeamCycleFacts;
}

/** Pairs counted per statement. */
const COUNT_BATCH = 200;

/** The team key of an objective without a team, as the figures name it (''). */
export const teamIdOfKey = (key: string) => (key === NO_TEAM_KEY ? '' : key);

/**
 * Facts already parsed, by (cycle, team), with the token they were read under: a token names one content, so a
 * report reads only the tokens and parses the facts of the pairs written since (parsing all of them was the largest
 * part of a report's Node time). One entry per pair: a newer token replaces the older facts, so the memory held is
 * bounded by the pairs, not by how many writes there were.
 */
const parsed = new Map<string, { token: string; graceDays: number; answerWithinHours: number; facts: TeamCycleFacts }>();
const PARSED_LIMIT = 50_000;
type Pair = { cycle_id: string; team_key: string; token: string };
const pairOf = (r: Pair) => `${r.cycle_id} ${r.team_key}`;
const remember = (r: Pair, clock: AdoptionClock, facts: TeamCycleFacts) => {
  if (parsed.size >= PARSED_LIMIT && !parsed.has(pairOf(r))) parsed.clear();
  parsed.set(pairOf(r), { token: r.token, graceDays: clock.graceDays, answerWithinHours: clock.answerWithinHours, facts });
};

/**
 * Every (team, cycle) of the cycles overlapping the range with its kept facts; the rows without facts (or counted
 * under other rhythm settings, or later than the clock) are counted now and kept for the next read.
 */
export async function keptFacts(db: Executor, orgId: string, range: Range, clock: AdoptionClock): Promise<KeptFactsRow[]> {
  const rows = await queryRows<KeptFactsRow & { kept: boolean }>(
    db,
    sql`select f.cycle_id, f.team_key, f.token, to_char(c.end_date, 'YYYY-MM-DD') as cycle_end,
        f.facts is not null and f.grace_days = ${clock.graceDays}::int and f.answer_within_hours = ${clock.answerWithinHours}::int
          and (f.facts->>'n')::bigint <= ${clock.now}::bigint as kept
      from cycles c join adoption_team_facts f on f.cycle_id = c.id and f.org_id = c.org_id
      where c.org_id = ${orgId} and c.start_date <= ${range.to}::date and c.end_date >= ${range.since}::date`,
  );
  const keyOf = (r: Pair) => `${r.cycle_id} ${r.team_key} ${r.token}`;
  const unread: typeof rows = [];
  for (const r of rows) {
    const known = r.kept ? parsed.get(pairOf(r)) : undefined;
    if (
      known &&
      known.token === r.token &&
      known.graceDays === clock.graceDays &&
      known.answerWithinHours === clock.answerWithinHours &&
      known.facts.n <= clock.now
    )
      r.facts = known.facts;
    else if (r.kept) unread.push(r);
  }
  if (unread.length) {
    const read = await queryRows<{ cycle_id: string; team_key: string; token: string; facts: TeamCycleFacts }>(
      db,
      sql`select f.cycle_id, f.team_key, f.token, f.facts from adoption_team_facts f
        join unnest(${pgArray(unread.map((r) => r.cycle_id))}::uuid[], ${pgArray(unread.map((r) => r.team_key))}::uuid[]) as p(cycle_id, team_key)
          on f.cycle_id = p.cycle_id and f.team_key = p.team_key`,
    );
    const byKey = new Map(read.map((r) => [keyOf(r), r.facts]));
    for (const r of unread) {
      const facts = byKey.get(keyOf(r));
      // Written since the tokens were read: counted again below.
      if (facts) remember(r, clock, (r.facts = facts));
      else r.kept = false;
    }
  }
  const stale = rows.filter((r) => !r.kept);
  if (!stale.length) return rows;
  // In batches: a first report (after an import, a change of rhythm) counts thousands of pairs, and one statement for
  // all of them would run for seconds; on a pool the batches run side by side.
  const batches: (typeof stale)[] = [];
  for (let i = 0; i < stale.length; i += COUNT_BATCH) batches.push(stale.slice(i, i + COUNT_BATCH));
  const counted = (
    await Promise.all(
      batches.map((b) =>
        countTeamCycleFacts(
          db,
          orgId,
          b.map((r) => r.cycle_id),
          b.map((r) => r.team_key),
          clock,
        ),
      ),
    )
  ).flat();
  for (const r of counted) remember(r, clock, r.facts);
  const byPair = new Map(counted.map((r) => [`${r.cycle_id} ${r.team_key}`, r.facts]));
  for (const r of stale) r.facts = byPair.get(`${r.cycle_id} ${r.team_key}`) ?? { n: clock.now };
  return rows;
}
