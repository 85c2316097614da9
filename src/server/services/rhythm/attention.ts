import { and, eq, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { checkIns, comments, cycles, keyResults, objectives, users } from '../../../db/schema/index.js';
import { describeKeyResult, dueKeyResults } from './due-key-results.js';
import { firstMissedDueAt, periodAt } from './schedule.js';
import { checkInGroups } from './schedules.js';
import { loadRhythm } from './settings.js';
import { hours } from '../../../domain/zoned-time.js';
import { overdueDependencyAnswers } from '../dependencies/overdue-answers.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

export interface AttentionItem {
  kind: 'overdue_check_in' | 'unanswered_blocker' | 'unanswered_dependency';
  /** When it started waiting: the missed due moment, or when the blocker was raised. */
  since: Date;
  /** When it crossed the organisation's response timeframe. */
  overdueAt: Date;
  who: { id: string; name: string } | null;
  what: string;
  detail: string | null;
  link: string;
  /** Null for a dependency asked for a whole objective. */
  keyResultId: string | null;
  objectiveId: string;
  checkInId: string | null;
  teamId: string | null;
}

/** Due key results whose owners let updateWithinHours pass after the first due moment they missed. */
async function overdueCheckIns(db: Executor, reader: Reader, now: Date, updateWithinHours: number): Promise<AttentionItem[]> {
  const { orgId } = reader;
  const items: AttentionItem[] = [];
  for (const group of await checkInGroups(db, orgId)) {
    for (const kr of await dueKeyResults(db, group, periodAt(group.schedule, now), reader)) {
      const since = firstMissedDueAt(group.schedule, kr.lastCheckInDate, kr.dueFrom);
      const overdueAt = new Date(since.getTime() + hours(updateWithinHours));
      if (overdueAt > now) continue;
      const who = kr.ownerId && kr.ownerName ? { id: kr.ownerId, name: kr.ownerName } : null;
      const what = `Check-in missing: ${describeKeyResult(kr)}`;
      items.push({
        kind: 'overdue_check_in',
        since,
        overdueAt,
        who,
        what,
        detail: null,
        link: `/objectives/${kr.objectiveId}`,
        keyResultId: kr.keyResultId,
        objectiveId: kr.objectiveId,
        checkInId: null,
        teamId: kr.teamId,
      });
    }
  }
  return items;
}

/**
 * Blockers raised in a check-in that nobody but its author has commented on within answerWithinHours.
 * A late answer still answers it; live work only (active objective, cycle not closed).
 */
async function unansweredBlockers(db: Executor, reader: Reader, now: Date, answerWithinHours: number): Promise<AttentionItem[]> {
  const { orgId } = reader;
  const answer = db
    .select({ one: sql`1` })
    .from(comments)
    .where(
      and(
        eq(comments.targetType, 'check_in'),
        eq(comments.targetId, checkIns.id),
        isNull(comments.deletedAt),
        or(isNull(checkIns.authorId), sql`${comments.authorId} is distinct from ${checkIns.authorId}`),
      ),
    );
  const rows = await db
    .select({
      checkIn: checkIns,
      authorName: users.name,
      title: keyResults.title,
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      teamId: objectives.teamId,
    })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(
      and(
        eq(checkIns.orgId, orgId),
        eq(checkIns.deleted, false),
        sql`coalesce(trim(${checkIns.blockers}), '') <> ''`,
        eq(objectives.status, 'active'),
        ne(cycles.status, 'closed'),
        lte(checkIns.createdAt, new Date(now.getTime() - hours(answerWithinHours))),
        notExists(answer),
        objectiveVisibleTo(reader),
      ),
    );
  return rows.map((r) => ({
    kind: 'unanswered_blocker',
    since: r.checkIn.createdAt,
    overdueAt: new Date(r.checkIn.createdAt.getTime() + hours(answerWithinHours)),
    who: r.checkIn.authorId && r.authorName ? { id: r.checkIn.authorId, name: r.authorName } : null,
    what: `Blocker unanswered: ${describeKeyResult({ title: r.title, objectiveTitle: r.objectiveTitle })}`,
    detail: r.checkIn.blockers!.trim(),
    link: `/objectives/${r.objectiveId}`,
    keyResultId: r.checkIn.keyResultId,
    objectiveId: r.objectiveId,
    checkInId: r.checkIn.id,
    teamId: r.teamId,
  }));
}

/** Everything past its response timeframe in the organisation (check-ins, blockers, dependency answers), oldest first. */
export async function needsAttention(db: Executor, reader: Reader, now: Date): Promise<AttentionItem[]> {
  const { rhythm } = await loadRhythm(db, reader.orgId);
  const items = [
    ...(await overdueCheckIns(db, reader, now, rhythm.updateWithinHours)),
    ...(await unansweredBlockers(db, reader, now, rhythm.answerWithinHours)),
    ...(await overdueDependencyAnswers(db, reader, now, rhythm.answerWithinHours)),
  ];
  return items.sort((a, b) => a.since.getTime() - b.since.getTime() || a.what.localeCompare(b.what));
}
