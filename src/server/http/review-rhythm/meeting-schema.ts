import { z } from 'zod';
import { MEETING_AUDIENCES, MEETING_KINDS, MEETING_RECURRENCES } from '../../../domain/index.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });
const text = (max: number) => z.string().trim().min(1, 'Required.').max(max);
const personId = z.string().min(1).max(64);

export const meetingCreate = z.object({
  kind: z.enum(MEETING_KINDS),
  title: text(200),
  audience: z.enum(MEETING_AUDIENCES),
  teamId: z.uuid({ message: 'Must be a valid id.' }).nullable().optional(),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  recurrence: z.enum(MEETING_RECURRENCES).optional(),
  asyncDeadline: z.iso.datetime({ offset: true }).nullable().optional().describe('Held asynchronously: parts are due by then'),
  participantIds: z.array(personId).max(200),
});

export const updateBody = z.object({
  update: text(5000),
  confidence: z.number().int().min(0).max(10).nullable().optional(),
  blockers: z.string().trim().max(5000).nullable().optional(),
  commitments: z.string().trim().max(5000).nullable().optional(),
  keptPrevious: z.boolean().nullable().optional(),
});

export const noteBody = z.object({ agendaItem: text(64), body: text(10000) });
export const decisionBody = z.object({
  decision: text(2000),
  ownerId: personId.nullable().optional(),
  decidedOn: isoDate,
  objectiveId: z.uuid({ message: 'Must be a valid id.' }).nullable().optional(),
});
export const actionBody = z.object({ title: text(500), ownerId: personId, dueDate: isoDate });
export const actionPatch = z.object({ done: z.boolean() });

export const meetingSummary = z.object({
  id: z.string(),
  seriesId: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  audience: z.enum(MEETING_AUDIENCES),
  teamId: z.string().nullable(),
  startsAt: z.string(),
  durationMinutes: z.number(),
  recurrence: z.enum(MEETING_RECURRENCES),
  asyncDeadline: z.string().nullable(),
  participantIds: z.array(z.string()),
});

const agendaSection = z.object({
  key: z.string(),
  title: z.string(),
  items: z.array(z.object({ text: z.string(), detail: z.string().nullable().optional(), link: z.string().nullable().optional() })),
});

export const actionView = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable().optional(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
});

export const decisionView = z.object({
  id: z.string(),
  meetingId: z.string(),
  decision: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable().optional(),
  decidedOn: z.string(),
  objectiveId: z.string().nullable(),
  objectiveTitle: z.string().nullable().optional(),
});

export const meetingPage = z.object({
  meeting: meetingSummary,
  timeZone: z.string(),
  participants: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(['posted', 'late', 'missing', 'overdue']) })),
  agenda: z.object({ cycleId: z.string().nullable(), sections: z.array(agendaSection) }),
  updates: z.array(
    z.object({
      userId: z.string(),
      authorName: z.string().nullable(),
      update: z.string(),
      confidence: z.number().nullable(),
      blockers: z.string().nullable(),
      commitments: z.string().nullable(),
      keptPrevious: z.boolean().nullable(),
      postedAt: z.string(),
    }),
  ),
  notes: z.array(
    z.object({ id: z.string(), agendaItem: z.string(), body: z.string(), authorId: z.string().nullable(), createdAt: z.string() }),
  ),
  decisions: z.array(decisionView),
  actions: z.array(actionView),
  can: z.object({ run: z.boolean(), postUpdate: z.boolean() }),
});
