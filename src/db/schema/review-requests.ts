import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REVIEW_REQUEST_STATUSES, type ReviewRequestStatus } from '../../domain/review/review-requests.js';
import { oneOf } from './constraints.js';
import { users } from './auth.js';
import { objectives } from './okrs.js';
import { organizations } from './organizations.js';

/** A drafter's request that a champion, admin or team lead review a draft objective (src/server/services/review-requests). */
export const objectiveReviewRequests = pgTable(
  'objective_review_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id').notNull(),
    requestedBy: text('requested_by').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    status: text('status').$type<ReviewRequestStatus>().notNull().default('open'),
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('objective_review_requests_org_id_unique').on(t.orgId, t.id),
    // One open request per reviewer and objective: a second is a 409, and two at once cannot both land.
    uniqueIndex('objective_review_requests_open_unique')
      .on(t.orgId, t.objectiveId, t.reviewerId)
      .where(sql`${t.status} = 'open'`),
    index('objective_review_requests_objective_idx').on(t.orgId, t.objectiveId),
    index('objective_review_requests_reviewer_idx').on(t.orgId, t.reviewerId, t.status),
    foreignKey({
      name: 'objective_review_requests_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'objective_review_requests_requested_by_fk',
      columns: [t.orgId, t.requestedBy],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'objective_review_requests_reviewer_fk',
      columns: [t.orgId, t.reviewerId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    oneOf('objective_review_requests_status_check', t.status, REVIEW_REQUEST_STATUSES),
    check('objective_review_requests_note_check', sql`char_length(${t.note}) <= 2000`),
  ],
);
