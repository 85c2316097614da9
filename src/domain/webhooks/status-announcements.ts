/**
 * Which objectives' progress status moved since it was last announced (issue 20: the
 * `objective.status_changed` webhook event also fires on on track → at risk → off track).
 *
 * Status is computed on read from progress against pace (status.ts), so nothing stores it; each objective
 * keeps the status last announced instead, and every write that moves progress — and a daily job, because
 * the calendar alone moves pace — compares the two. Pure: callers load the facts and store the answer.
 */
import type { IsoDate } from '../dates.js';
import { expectedProgress } from '../pace.js';
import { progressStatus, type StatusMargins } from '../status.js';
import type { CycleStatus, ObjectiveStatus, ProgressStatus } from '../vocabulary.js';

/** What an objective's status depends on, besides its progress. */
export interface StatusFacts {
  id: string;
  status: ObjectiveStatus;
  cycleStatus: CycleStatus;
  startDate: IsoDate;
  endDate: IsoDate;
  effectiveStartDate: IsoDate | null;
  /** The status last announced; null before the first (a draft, or an objective never compared). */
  announcedStatus: ProgressStatus | null;
}

export interface StatusAnnouncement {
  id: string;
  from: ProgressStatus | null;
  to: ProgressStatus | null;
  /** True when receivers hear of it: a move between two statuses, not the first status or leaving the count. */
  announce: boolean;
}

/**
 * An objective has a progress status worth announcing while it is published in a cycle still taking check-ins;
 * otherwise (a draft, an archived or closed objective, a closed cycle) its announced status is cleared, so a
 * later return starts from its status then rather than announcing the difference from long ago.
 */
export function statusToAnnounce(facts: StatusFacts, progress: number, today: IsoDate, margins: StatusMargins): ProgressStatus | null {
  if (facts.status !== 'active' || facts.cycleStatus === 'closed') return null;
  const cycle = { startDate: facts.startDate, endDate: facts.endDate };
  return progressStatus(progress, expectedProgress(cycle, today, facts.effectiveStartDate), margins);
}

/** The objectives whose status differs from the one last announced, with whether the change is an event. */
export function statusAnnouncements(
  objectives: readonly StatusFacts[],
  progressOf: (id: string) => number,
  today: IsoDate,
  margins: StatusMargins,
): StatusAnnouncement[] {
  const changes: StatusAnnouncement[] = [];
  for (const facts of objectives) {
    const to = statusToAnnounce(facts, progressOf(facts.id), today, margins);
    const from = facts.announcedStatus;
    if (to !== from) changes.push({ id: facts.id, from, to, announce: from !== null && to !== null });
  }
  return changes;
}
