import { z } from 'zod';
import { CYCLE_STATUSES, NEXT_STEPS, OBJECTIVE_TYPES, OUTCOMES, REVIEW_GAP_KINDS } from '../../../domain/vocabulary.js';
import { problemSchema } from '../schemas.js';

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

/** Limits of a closing note: short enough to be read in a review meeting and indexed as lessons. */
export const CLOSING_NOTE_LIMITS = { text: 4000, lessons: 20, lessonText: 500, tags: 8, tag: 40 } as const;

const lesson = z.object({
  text: text(CLOSING_NOTE_LIMITS.lessonText).min(1, 'Write the lesson.'),
  tags: z
    .array(text(CLOSING_NOTE_LIMITS.tag).min(1, 'A tag cannot be empty.'))
    .max(CLOSING_NOTE_LIMITS.tags, `At most ${CLOSING_NOTE_LIMITS.tags} tags.`)
    .default([]),
});

export const closingNoteBody = z.object({
  outcome: z.enum(OUTCOMES, { message: 'Use achieved, partially or missed.' }),
  whatWorked: text(CLOSING_NOTE_LIMITS.text).default(''),
  whatDidNot: text(CLOSING_NOTE_LIMITS.text).default(''),
  lessons: z.array(lesson).max(CLOSING_NOTE_LIMITS.lessons, `At most ${CLOSING_NOTE_LIMITS.lessons} lessons.`).default([]),
  next: z.enum(NEXT_STEPS, { message: 'Use done, carry_over, rework or drop.' }),
});

export const closingNoteView = z.object({
  objectiveId: z.string(),
  outcome: z.enum(OUTCOMES),
  whatWorked: z.string(),
  whatDidNot: z.string(),
  lessons: z.array(z.object({ text: z.string(), tags: z.array(z.string()) })),
  next: z.enum(NEXT_STEPS),
  authorId: z.string().nullable(),
  updatedAt: z.string(),
});

export const reviewGapSchema = z.object({
  kind: z.enum(REVIEW_GAP_KINDS).describe('More kinds may be added; clients show unknown ones as text'),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  objectiveId: z.string().nullable().describe('Null for a missing team retrospective'),
  objectiveTitle: z.string().nullable(),
  keyResultId: z.string().nullable(),
  keyResultTitle: z.string().nullable(),
  ownerId: z.string().nullable(),
});

/** 409 review-incomplete: the usual problem plus the gaps that keep the cycle open. */
export const reviewIncompleteProblem = problemSchema.extend({ gaps: z.array(reviewGapSchema).optional() });

export const confirmationView = z.object({
  keyResultId: z.string(),
  proposedScore: z.number(),
  score: z.number(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string(),
});

export const reviewQuery = z.object({
  mine: z.enum(['true', 'false']).default('true').describe('Only my key results and objectives (default), or the whole cycle'),
});

export const reviewBoardView = z.object({
  cycleId: z.string(),
  status: z.enum(CYCLE_STATUSES),
  proposalDate: z.string().describe('Scores are proposed from progress on this date: the end date, or today while it is ahead'),
  keyResults: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      objectiveId: z.string(),
      objectiveTitle: z.string(),
      ownerId: z.string().nullable(),
      progress: z.number(),
      proposedScore: z.number(),
      scoreOverride: z.number().nullable(),
      scoreOverrideReason: z.string().nullable(),
      confirmedScore: z.number().nullable(),
      confirmedAt: z.string().nullable(),
      can: z.object({ confirm: z.boolean(), overrideScore: z.boolean() }),
    }),
  ),
  objectives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      type: z.enum(OBJECTIVE_TYPES),
      teamId: z.string().nullable(),
      teamName: z.string().nullable(),
      ownerId: z.string().nullable(),
      score: z.number().nullable().describe('Proposed in review (overrides included); final once closed'),
      proposedOutcome: z.enum(OUTCOMES),
      closingNote: closingNoteBody.extend({ lessons: z.array(z.object({ text: z.string(), tags: z.array(z.string()) })) }).nullable(),
      can: z.object({ writeClosingNote: z.boolean(), carryOver: z.boolean() }),
    }),
  ),
  gaps: z.array(reviewGapSchema),
});
