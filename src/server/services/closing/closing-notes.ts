import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { closingNotes, type LessonRow } from '../../../db/schema/index.js';
import type { NextStep, Outcome } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeClosingNote } from '../../policies/closing.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadObjectiveFor } from '../okrs/actor-reads.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { assertReviewOpenedOrClosed } from './review-phase.js';
import { conflict } from '../../errors.js';
import { replaceLessons } from '../lessons/replace-lessons.js';

export interface ClosingNoteFields {
  outcome: Outcome;
  whatWorked: string;
  whatDidNot: string;
  lessons: LessonRow[];
  next: NextStep;
}

export const findClosingNote = async (tx: Executor, orgId: string, objectiveId: string) =>
  (
    await tx
      .select()
      .from(closingNotes)
      .where(and(eq(closingNotes.orgId, orgId), eq(closingNotes.objectiveId, objectiveId)))
  )[0] ?? null;

/** Tags are compared without case or surrounding spaces, and each is kept once. */
const cleanLessons = (lessons: LessonRow[]): LessonRow[] =>
  lessons.map((l) => ({ text: l.text.trim(), tags: [...new Set(l.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))] }));

/** Writes (or rewrites) an objective's closing note in review: what became of it, what was learnt, what comes next. */
export async function putClosingNote(deps: ServiceDeps, actor: Actor, objectiveId: string, fields: ClosingNoteFields) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { objective, cycle, relation } = await loadObjectiveFor(tx, actor, objectiveId);
    authorizeClosingNote(actor, relation);
    assertReviewOpenedOrClosed(cycle, 'objectiveId');
    if (objective.status === 'draft') throw conflict('objectiveId', 'A draft was never published: it needs no closing note.');
    const before = await findClosingNote(tx, scope.orgId, objectiveId);
    const values = { ...fields, lessons: cleanLessons(fields.lessons), orgId: scope.orgId, objectiveId, authorId: actor.userId };
    const [note] = await tx
      .insert(closingNotes)
      .values(values)
      .onConflictDoUpdate({ target: [closingNotes.orgId, closingNotes.objectiveId], set: { ...values, updatedAt: new Date(deps.clock()) } })
      .returning();
    // The note's lessons join the organisation's lessons library in the same transaction.
    await replaceLessons(
      tx,
      {
        orgId: scope.orgId,
        sourceKind: 'closing_note',
        sourceId: note!.id,
        teamId: objective.teamId,
        cycleId: objective.cycleId,
        objectiveId,
        outcome: note!.outcome,
        authorId: actor.userId,
      },
      note!.lessons,
    );
    await recordActivity(tx, {
      ...scope,
      action: before ? 'objective.closing-note-changed' : 'objective.closing-note-written',
      entityType: 'objective',
      entityId: objectiveId,
      before,
      after: { outcome: note!.outcome, next: note!.next, lessons: note!.lessons.length },
    });
    announce.changed('objective', objectiveId, objectiveId);
    return note!;
  });
}
