import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { TeamPunctuality } from '../../../domain/across/heatmap.js';
import { figuresOf } from '../evaluation/evaluation-figures.js';
import type { Reader } from '../visibility/objective-visible.js';

/**
 * Due and on-time check-ins per team up to the date, summed by the database from the check-in digests kept on every
 * check-in write (the cycle evaluation's figures, `figuresOf`): one row per team instead of every key result of the
 * cycle with its check-in dates, which at 12,500 objectives cost more to send and walk than the whole view's budget.
 * The count is checkInPunctuality's (tests/across/heatmap-punctuality.test.ts compares the two).
 */
export async function punctualityByTeam(db: Executor, reader: Reader, cycleId: string, date: string) {
  const rows = await queryRows<{ teamId: string; due: number | string; onTime: number | string }>(
    db,
    sql`with ${figuresOf(reader, [cycleId], date)}
    select team_id as "teamId", coalesce(sum(due), 0) as due, coalesce(sum(on_time), 0) as "onTime"
    from f where team_id is not null group by team_id`,
  );
  return new Map<string, TeamPunctuality>(rows.map((r) => [r.teamId, { due: Number(r.due), onTime: Number(r.onTime) }]));
}
