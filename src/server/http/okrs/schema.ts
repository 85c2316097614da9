import { z } from 'zod';
import {
  CYCLE_STATUSES,
  KEY_RESULT_KINDS,
  OBJECTIVE_STATUSES,
  OBJECTIVE_TYPES,
  PROGRESS_DRIVERS,
  PROGRESS_STATUSES,
  VISIBILITIES,
} from '../../../domain/vocabulary.js';
import { dataReadinessSchema } from '../quality/schema.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });
const weight = z.number({ message: 'Must be a number.' }).gt(0, 'Must be greater than 0.').finite();
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const optionalId = z.uuid({ message: 'Must be a valid id.' }).nullable().optional();

export const asOfQuery = z.object({ asOf: isoDate.optional().describe('Time travel: the state at the end of this date') });

export const cycleCreate = z.object({
  name: text(80).min(1, 'Required.'),
  startDate: isoDate,
  endDate: isoDate,
  status: z.enum(CYCLE_STATUSES).exclude(['review', 'closed']).optional(),
  reviewOpensOn: isoDate.nullable().optional().describe('Optional phase date: the review opens by itself on this day'),
});
export const cyclePatch = z.object({
  name: text(80).min(1).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  status: z
    .enum(CYCLE_STATUSES)
    .optional()
    .describe(
      'planning → active → review → closed; `closed` needs the review done (confirmed scores, closing notes) or closeOverrideReason',
    ),
  reviewOpensOn: isoDate.nullable().optional().describe('Optional phase date: the review opens by itself on this day'),
  closeOverrideReason: text(1000)
    .min(1, 'Say why the cycle closes before its review is done.')
    .optional()
    .describe('Admins: close although scores or closing notes are missing; the reason is recorded'),
  archived: z.boolean().optional().describe('Archived cycles leave the cycle switcher; their objectives and scores stay'),
});
export const cycleList = z.object({
  includeArchived: z.enum(['true', 'false']).optional().describe('Also list archived cycles'),
});
export const cycleGenerate = z.object({ year: z.number().int().min(2000).max(2100) });
export const summarySchema = z.object({
  objectives: z.number(),
  keyResults: z.number(),
  averageProgress: z.number(),
  expectedProgress: z.number(),
  byStatus: z.object({ on_track: z.number(), at_risk: z.number(), off_track: z.number() }),
  staleKeyResults: z.number(),
  /** A closed cycle's final scores, which replace live status (null while the cycle is open). */
  scores: z.object({ average: z.number().nullable(), met: z.number(), missed: z.number() }).nullable(),
});

export const cycleSchema = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(CYCLE_STATUSES),
  reviewOpensOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedEarly: z.boolean().describe('Closed before its end date'),
  archived: z.boolean(),
});

const contributor = z.object({ userId: z.string().min(1).max(64).nullable().optional(), teamId: optionalId });
export const objectiveCreate = z.object({
  cycleId: z.uuid({ message: 'Must be a cycle id.' }),
  title: text(300).min(1, 'Required.'),
  description: text(5000).nullable().optional(),
  whyImportant: text(2000).nullable().optional(),
  whyUrgent: text(2000).nullable().optional(),
  ownerId: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe('Defaults to the caller. Only admins and the team’s leads create for others or for nobody: a member’s null becomes them'),
  teamId: optionalId.describe('No team means a company-level objective'),
  contributors: z.array(contributor).max(50).optional(),
  type: z.enum(OBJECTIVE_TYPES).default('committed'),
  publishOverrideReason: text(1000)
    .min(1)
    .optional()
    .describe('Admins only: publish (into active) despite blocking quality findings; the reason is recorded'),
  weight: weight.default(1),
  progressDriver: z.enum(PROGRESS_DRIVERS).default('key_results'),
  status: z
    .enum(OBJECTIVE_STATUSES)
    .default('draft')
    .describe('Defaults to draft; `active` publishes at once and runs the publish gate (quality findings that block)'),
  standaloneReason: text(1000).nullable().optional().describe('Why a team or individual objective aligns to nothing'),
  pillarId: optionalId.describe('The strategic pillar it serves'),
  annualObjectiveId: optionalId.describe('The annual objective (of the cycle’s year) it advances; brings its pillar'),
  effectiveStartDate: isoDate
    .nullable()
    .optional()
    .describe('Pace starts here when later than the cycle start; defaults to the day the objective is first published'),
  visibility: z
    .enum(VISIBILITIES)
    .optional()
    .describe('Who may read it: everyone (`organization`, the default), its teams and their leads (`team`), or named people (`private`)'),
  viewerIds: z
    .array(z.string().min(1).max(64))
    .max(100)
    .optional()
    .describe('For a private objective: the people besides its owner and the admins who may read it'),
});
export const objectivePatch = objectiveCreate
  .omit({ cycleId: true })
  .partial()
  .extend({
    type: z.enum(OBJECTIVE_TYPES).optional(),
    weight: weight.optional(),
    progressDriver: z.enum(PROGRESS_DRIVERS).optional(),
    status: z.enum(OBJECTIVE_STATUSES).optional(),
  });
export const objectiveFilters = asOfQuery.extend({
  cycleId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  shared: z
    .enum(['true', 'false'])
    .optional()
    .describe('With `teamId`: also the objectives the team contributes to, each marked with `sharedFrom` (the owning team)'),
  ownerId: z.string().max(64).optional(),
  involves: z
    .string()
    .max(64)
    .optional()
    .describe('A person id: objectives they own, hold a key result of, or contribute to (in person or through a team)'),
  status: z.enum(OBJECTIVE_STATUSES).optional(),
  parent: z
    .union([z.literal('none'), z.uuid({ message: 'An objective id or "none".' })])
    .optional()
    .describe('An objective id: its aligned children; `none`: objectives aligned to nothing'),
});
export const alignmentBody = z.object({ parentObjectiveId: optionalId, parentKeyResultId: optionalId });

const milestoneInput = z.object({ title: text(200).min(1, 'Required.'), weight: weight.default(1) });
const number = z.number({ message: 'Must be a number.' }).finite();
export const keyResultCreate = z.object({
  title: text(300).min(1, 'Required.'),
  ownerId: z.string().min(1).max(64).nullable().optional(),
  weight: weight.default(1),
  kind: z.enum(KEY_RESULT_KINDS, { message: 'Use metric, threshold, milestone or rollup.' }),
  unit: z.string().trim().min(1).max(16).nullable().optional().describe('number, percent, or a currency code such as EUR'),
  startValue: number.nullable().optional(),
  targetValue: number.nullable().optional(),
  targetMin: number.nullable().optional(),
  targetMax: number.nullable().optional(),
  milestones: z.array(milestoneInput).max(50).optional(),
  dataReadiness: dataReadinessSchema
    .nullable()
    .optional()
    .describe('Data-readiness checklist: source, baseline, who measures, how often, reliability'),
  effectiveStartDate: isoDate
    .nullable()
    .optional()
    .describe("Pace and check-ins start here when later than its objective's start; defaults to the day it joins a published objective"),
});
export const keyResultPatch = keyResultCreate.partial().extend({ weight: weight.optional() });
export const scoreOverrideBody = z
  .object({
    score: z.number().min(0, 'Between 0 and 1.').max(1, 'Between 0 and 1.'),
    reason: text(1000).min(1, 'Say why the score differs.'),
  })
  .nullable();

export const checkInBody = z.object({
  asOf: isoDate.optional(),
  value: number.nullable().optional(),
  milestonesDone: z.array(z.boolean()).max(50).nullable().optional(),
  confidence: z.number().int('A whole number from 0 to 10.').min(0, 'From 0 to 10.').max(10, 'From 0 to 10.').nullable().optional(),
  note: text(5000).nullable().optional(),
  blockers: text(5000).nullable().optional(),
});

const progressStatus = z.enum(PROGRESS_STATUSES).nullable().describe('Null for a draft: it has no pace yet');
export const keyResultView = z.object({
  id: z.string(),
  objectiveId: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable().describe("The owner's name, so a page needs no list of people"),
  weight: z.number(),
  kind: z.enum(KEY_RESULT_KINDS),
  unit: z.string().nullable(),
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetMin: z.number().nullable(),
  targetMax: z.number().nullable(),
  currentValue: z.number().nullable(),
  milestones: z.array(z.object({ title: z.string(), weight: z.number(), done: z.boolean() })).nullable(),
  progress: z.number(),
  achievement: z.number(),
  expectedProgress: z.number(),
  status: progressStatus,
  stale: z.boolean(),
  effectiveStartDate: z.string().nullable().describe('As set: null means the objective’s start'),
  paceStartDate: z.string().describe('Where pace runs from: the latest of the cycle start and the effective starts'),
  confidence: z.number().nullable(),
  lastCheckInDate: z.string().nullable(),
  score: z.number().nullable(),
  scoreOverride: z.number().nullable(),
  scoreOverrideReason: z.string().nullable(),
  dataReadiness: dataReadinessSchema.nullable(),
  targetChanges: z
    .array(
      z.object({
        at: z.string(),
        by: z.string().nullable().describe('Who changed it (their name)'),
        field: z.enum(['kind', 'startValue', 'targetValue', 'targetMin', 'targetMax', 'milestones']),
        from: z.unknown(),
        to: z.unknown(),
      }),
    )
    .describe('Changes to the start, target or kind after the objective was published, oldest first'),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), checkIn: z.boolean(), overrideScore: z.boolean() }),
});
export const objectiveView = z.object({
  id: z.string(),
  cycleId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  whyImportant: z.string().nullable(),
  whyUrgent: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable().describe("The owner's name, so a page needs no list of people"),
  teamId: z.string().nullable(),
  teamName: z.string().nullable().describe("The team's name; null for a company objective"),
  contributors: z.array(z.object({ userId: z.string().nullable(), teamId: z.string().nullable() })),
  sharedFrom: z
    .object({ teamId: z.string(), teamName: z.string() })
    .nullable()
    .optional()
    .describe('On a list by `teamId` with `shared=true`: the team that owns an objective this team contributes to (null: its own)'),
  parents: z.array(
    z.object({
      id: z.string(),
      parentObjectiveId: z.string().nullable(),
      parentKeyResultId: z.string().nullable(),
      title: z.string().describe("The parent objective's or key result's title, so a page needs no list of the cycle's objectives"),
      objectiveId: z.string().describe("The objective the link leads to: the parent, or the parent key result's objective"),
    }),
  ),
  type: z.enum(OBJECTIVE_TYPES),
  weight: z.number(),
  progressDriver: z.enum(PROGRESS_DRIVERS),
  status: z.enum(OBJECTIVE_STATUSES),
  progress: z.number(),
  expectedProgress: z.number(),
  progressStatus,
  stale: z.boolean(),
  effectiveStartDate: z.string().nullable().describe('As set: null means the cycle start'),
  paceStartDate: z.string().describe('Where pace runs from: the later of the cycle start and the effective start'),
  cycleClosed: z.boolean().describe('Closed cycle: the score replaces live status and pace'),
  verdict: z.enum(['met', 'missed']).nullable().describe('In a closed cycle: committed met at 1.0, aspirational at 0.7'),
  confidence: z.number().nullable(),
  score: z.number().nullable(),
  standaloneReason: z.string().nullable(),
  pillarId: z.string().nullable(),
  annualObjectiveId: z.string().nullable(),
  previousObjectiveId: z.string().nullable().describe('The objective this one continues (rolled over from an earlier cycle)'),
  visibility: z.enum(VISIBILITIES),
  viewerIds: z.array(z.string()).describe('The people named on a private objective'),
  asOf: z.string().describe('The date progress, pace and status are computed for'),
  keyResults: z.array(keyResultView),
  can: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    archive: z.boolean().describe('Archive (status archived) or restore it: it leaves live views and scoring, stays searchable'),
    align: z.boolean(),
    publish: z.boolean(),
    publishOverride: z.boolean(),
    addKeyResult: z.boolean(),
    comment: z.boolean(),
    requestReview: z.boolean().describe('Ask a champion or a team lead to review this draft'),
    decideReview: z.boolean().describe('The caller is someone a review of this objective can be asked of'),
  }),
});
export const checkInView = z.object({
  id: z.string(),
  keyResultId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  asOf: z.string(),
  value: z.number().nullable(),
  milestonesDone: z.array(z.boolean()).nullable(),
  confidence: z.number().nullable(),
  note: z.string().nullable(),
  blockers: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
