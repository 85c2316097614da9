import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectives, outbox } from '../../../db/schema/index.js';
import { DEFAULT_STATUS_MARGINS, type StatusMargins } from '../../../domain/index.js';
import type { StatusAnnouncement } from '../../../domain/webhooks/status-announcements.js';
import { todayIn } from '../../clock.js';
import { presentObjective } from './event-data.js';
import type { SignedEventPayload, SubscribedEndpoint } from './queue-events.js';

/** The organisation's facts the roll-up reads with the ancestry: its time zone and margins (null: the default). */
export interface OrgStatusFacts {
  timeZone: string;
  onTrackMargin: number | null;
  atRiskMargin: number | null;
}

export const marginsOf = (org: OrgStatusFacts): StatusMargins => ({
  onTrackMargin: org.onTrackMargin ?? DEFAULT_STATUS_MARGINS.onTrackMargin,
  atRiskMargin: org.atRiskMargin ?? DEFAULT_STATUS_MARGINS.atRiskMargin,
});

export const todayOf = (org: OrgStatusFacts, now: Date) => todayIn(org.timeZone, now);

/**
 * Queues `objective.status_changed` for progress-status moves (on track → at risk …) in the caller's
 * transaction: one read of the objectives, one insert of every outbox row. Like every event, only
 * objectives the whole organisation may read leave Cairn (docs/visibility.md).
 */
export async function queueStatusEvents(
  tx: Executor,
  orgId: string,
  changes: readonly StatusAnnouncement[],
  endpoints: readonly SubscribedEndpoint[],
  now: Date,
): Promise<number> {
  const announced = changes.filter((c) => c.announce);
  const subscribed = endpoints.filter((e) => e.events.includes('objective.status_changed'));
  if (announced.length === 0 || subscribed.length === 0) return 0;
  const rows = await tx
    .select()
    .from(objectives)
    .where(
      and(
        eq(objectives.orgId, orgId),
        inArray(
          objectives.id,
          announced.map((c) => c.id),
        ),
        eq(objectives.visibility, 'organization'),
      ),
    );
  const timestamp = now.toISOString();
  const values = rows.flatMap((row) => {
    const change = announced.find((c) => c.id === row.id)!;
    const data = {
      objective: { ...presentObjective(row), progressStatus: change.to },
      aspect: 'progress',
      from: change.from,
      to: change.to,
    };
    const event = { id: `evt_${randomUUID()}`, type: 'objective.status_changed', timestamp, data };
    return subscribed.map((endpoint) => {
      const payload: SignedEventPayload = { endpointId: endpoint.id, event };
      return {
        orgId,
        channel: 'webhook' as const,
        recipient: endpoint.url,
        body: event.type,
        payload,
        dedupeKey: `event:${event.id}:${endpoint.id}`,
      };
    });
  });
  if (values.length > 0) await tx.insert(outbox).values(values);
  return values.length;
}
