import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { WRITE_CHANNELS } from '../../domain/write-channels.js';
import { organizations } from './organizations.js';

/** Append-only audit trail: written in the same transaction as the change it describes. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** The channel of the write when not the web app or the API (`mcp`, `slack`); see domain/write-channels.ts. */
    via: text('via', { enum: WRITE_CHANNELS }),
    // clock_timestamp, not now(): the activities of one transaction keep the order they were written in.
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [
    index('activities_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('activities_org_time_idx').on(t.orgId, t.createdAt),
    // A page's key results show their target changes (page-facts.ts measureChanges). Every check-in is a key result's
    // activity too, so looking these up through (org, entity type) read all of an organisation's check-ins: this holds
    // only the target changes (issue 12: reads against their floor).
    index('activities_target_changes_idx')
      .on(t.orgId, t.entityId)
      .where(sql`${t.action} = 'key_result.target-changed'`),
    check('activities_via_known', sql`${t.via} is null or ${t.via} in ('mcp', 'slack')`),
  ],
);
