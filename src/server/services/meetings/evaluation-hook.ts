import type { AgendaItem } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { cycleEvaluation } from '../evaluation/cycle-evaluation.js';
import { searchLessons } from '../lessons/search-lessons.js';
import { anyoneIn } from '../visibility/objective-visible.js';

/** Lessons a quarterly agenda lists; the lessons page has the rest. */
const LESSONS_ON_AGENDA = 10;

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const score = (mean: number | null) => (mean === null ? null : `mean score ${mean.toFixed(2)}`);

type Evaluation = Awaited<ReturnType<typeof cycleEvaluation>>;

/** The evaluation's headline numbers as agenda lines: what the review phase (GET /cycles/{id}/evaluation) shows. */
function evaluationItems(evaluation: Evaluation): AgendaItem[] {
  const { committed, aspirational, keyResultBands: bands, checkIns } = evaluation;
  const when = evaluation.final ? 'final' : 'so far';
  const items: AgendaItem[] = [];
  if (committed.count > 0)
    items.push({
      text: `Committed objectives: ${committed.achieved} of ${committed.count} achieved, ${committed.partially} partially, ${committed.missed} missed (${when})`,
      detail: score(committed.meanScore),
    });
  if (aspirational.count > 0)
    items.push({
      text: `Aspirational objectives: ${percent(aspirational.shareAtLeast07)} of ${aspirational.count} scored 0.7 or more (${when})`,
      detail: score(aspirational.meanScore),
    });
  if (bands.low + bands.middle + bands.high > 0)
    items.push({ text: `Key results: ${bands.low} below 0.4, ${bands.middle} from 0.4 to 0.69, ${bands.high} at 0.7 or above` });
  if (evaluation.tooSafe.tooSafe)
    items.push({
      text: `Aspirational key results look too safe: ${evaluation.tooSafe.perfect} of ${evaluation.tooSafe.aspirational} fully achieved`,
    });
  if (checkIns.onTimeShare !== null)
    items.push({ text: `Check-ins on time: ${percent(checkIns.onTimeShare)}`, detail: `${checkIns.onTime} of ${checkIns.due}` });
  return items;
}

/**
 * The quarterly review's first section: the cycle's evaluation (for the meeting's team when it has one) and the
 * lessons written in closing notes and retrospectives. Both as anyone in the organisation may read them: an agenda
 * is shared by all its participants.
 */
export async function evaluationAndLessons(
  db: Executor,
  orgId: string,
  cycleId: string,
  now: Date,
  teamId: string | null,
): Promise<AgendaItem[]> {
  const reader = anyoneIn(orgId);
  const evaluation = await cycleEvaluation(db, reader, cycleId, now, teamId ?? undefined);
  const lessons = await searchLessons(db, reader, { cycleId, teamId: teamId ?? undefined, limit: LESSONS_ON_AGENDA });
  const items = [
    ...evaluationItems(evaluation),
    ...lessons.map((lesson): AgendaItem => ({
      text: `Lesson: ${lesson.text}`,
      detail: [lesson.objectiveTitle, lesson.outcome?.replace('_', ' ')].filter(Boolean).join(' · ') || null,
      link: lesson.objectiveId ? `/objectives/${lesson.objectiveId}` : null,
    })),
  ];
  return items.length > 0 ? items : [{ text: 'No objective of this cycle is scored yet, and no lesson is written.' }];
}
