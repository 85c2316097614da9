import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { updatedAt } from './constraints.js';

/**
 * An organisation's signed event webhook endpoint (issue 20). The secret must stay readable to sign
 * each delivery, so it is stored as is; the API shows it once (on creation and rotation), the
 * organisation export leaves it out, and the activity log records only that it changed.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types from WEBHOOK_EVENTS (src/domain/webhooks/events.ts). */
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('webhook_endpoints_org_id_unique').on(t.orgId, t.id),
    check('webhook_endpoints_events_check', sql`cardinality(${t.events}) > 0`),
    check('webhook_endpoints_secret_check', sql`${t.secret} like 'whsec_%'`),
  ],
);

/** One row per delivery attempt to an endpoint: what the receiver answered and how fast, for its log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    /** The event's id, the `webhook-id` header: the same on every attempt. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    responseMs: integer('response_ms'),
    error: text('error'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'webhook_deliveries_endpoint_fk',
      columns: [t.orgId, t.endpointId],
      foreignColumns: [webhookEndpoints.orgId, webhookEndpoints.id],
    }).onDelete('cascade'),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.at),
    check('webhook_deliveries_attempt_check', sql`${t.attempt} > 0`),
  ],
);
