import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { expectedProgress, progressStatus, type StatusMargins } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { checkIns, cycles, keyResults, objectives, users } from '../../../db/schema/index.js';
import { kpiHealthChanges } from '../kpis/kpi-digest.js';
import { ownedOrSharedWith } from '../okrs/shared-objectives.js';
import { describeKeyResult, dueKeyResults } from './due-key-results.js';
import { periodAt, type Period } from './schedule.js';
import type { CheckInGroup } from './schedules.js';
import { percentOf } from './wording.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';

export interface DigestSections {
  moved: string[];
  atRisk: string[];
  blockers: string[];
  missing: string[];
  wins: string[];
  kpis: string[];
}

export const SECTION_TITLES: Record<keyof DigestSections, string> = {
  moved: 'What moved',
  atRisk: 'At risk or off track',
  blockers: 'Blockers raised',
  missing: 'Check-ins missing',
  wins: 'Wins (reached target)',
  kpis: 'KPIs that changed health',
};

/**
 * A team's week for its leads: the window is the digest period (previous digest date, this one], and
 * everything is judged at the digest moment, so a late run says what an on-time one would have.
 */
export async function teamDigest(
  tx: Executor,
  group: CheckInGroup,
  window: Period,
  margins: StatusMargins,
  /** The lead it is for: only the objectives they may read (a private one of their team may not be). */
  reader: Viewer,
): Promise<DigestSections> {
  const krs = await tx
    .select({
      id: keyResults.id,
      title: keyResults.title,
      progress: keyResults.progress,
      objectiveTitle: objectives.title,
      startDate: cycles.startDate,
      endDate: cycles.endDate,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(
      and(
        eq(keyResults.orgId, group.orgId),
        // The team's week holds the shared objectives it contributes to (docs/cross-team-views.md).
        ownedOrSharedWith(tx, group.orgId, group.teamId!),
        eq(objectives.status, 'active'),
        eq(cycles.status, 'active'),
        objectiveVisibleTo(reader),
      ),
    )
    .orderBy(objectives.title, keyResults.position);
  const ids = krs.map((k) => k.id);
  const recent = ids.length
    ? await tx
        .select({ keyResultId: checkIns.keyResultId, blockers: checkIns.blockers, author: users.name })
        .from(checkIns)
        .leftJoin(users, eq(users.id, checkIns.authorId))
        .where(
          and(
            inArray(checkIns.keyResultId, ids),
            eq(checkIns.deleted, false),
            gt(checkIns.asOf, window.previousDate),
            lte(checkIns.asOf, window.dueDate),
          ),
        )
        .orderBy(checkIns.asOf, checkIns.createdAt)
    : [];
  const movedIds = new Set(recent.map((c) => c.keyResultId));
  const moved = krs.filter((k) => movedIds.has(k.id));
  const atRisk = krs.flatMap((k) => {
    if (k.startDate > window.dueDate) return [];
    const expected = expectedProgress({ startDate: k.startDate, endDate: k.endDate }, window.dueDate);
    const status = progressStatus(k.progress, expected, margins);
    return status === 'on_track'
      ? []
      : [
          `${describeKeyResult(k)}: ${percentOf(k.progress)}, ${percentOf(expected)} expected (${status === 'at_risk' ? 'at risk' : 'off track'})`,
        ];
  });
  const title = new Map(krs.map((k) => [k.id, describeKeyResult(k)]));
  const missing = await dueKeyResults(tx, group, periodAt(group.schedule, window.dueAt), reader, true);
  return {
    moved: moved.map((k) => `${describeKeyResult(k)}: now ${percentOf(k.progress)}`),
    atRisk,
    blockers: recent
      .filter((c) => c.blockers?.trim())
      .map((c) => `${c.author ?? 'Someone'} on ${title.get(c.keyResultId)}: ${c.blockers!.trim()}`),
    missing: missing.map(
      (k) => `${k.ownerName ?? 'No owner'}: ${describeKeyResult(k)}${k.proposed ? ' (a value waits for confirmation)' : ''}`,
    ),
    wins: moved.filter((k) => k.progress >= 1).map((k) => `${describeKeyResult(k)} reached its target`),
    kpis: await kpiHealthChanges(tx, group.orgId, group.teamId!, window),
  };
}

export const isEmpty = (s: DigestSections) => Object.values(s).every((lines: string[]) => lines.length === 0);
