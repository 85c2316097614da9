import type { Database, Transaction } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { EventBus, LiveEvent } from '../events/bus.js';
import { writingAt } from './write-clock.js';

type Change = Pick<LiveEvent, 'type' | 'entityId' | 'objectiveId'>;

/**
 * What one change tells open pages once it has committed: what changed, and whose notification
 * centre moved. A service collects these inside its transaction (notify() adds the people it
 * notified) and `writeAndAnnounce` publishes them only after the commit, so a page never refetches
 * a change that was rolled back.
 */
export class Announcer {
  private readonly changes = new Map<string, Change>();
  private readonly notifiedPeople = new Set<string>();

  constructor(readonly orgId: string) {}

  changed(type: Change['type'], entityId?: string, objectiveId?: string): void {
    this.changes.set(`${type}:${entityId ?? ''}:${objectiveId ?? ''}`, { type, entityId, objectiveId });
  }

  notified(userId: string): void {
    this.notifiedPeople.add(userId);
  }

  publishTo(events: EventBus): void {
    for (const change of this.changes.values()) events.publish({ orgId: this.orgId, ...change });
    for (const userId of this.notifiedPeople) events.publish({ orgId: this.orgId, type: 'notification', userId });
  }
}

/** Runs one change in one transaction, then announces it. The services' single way to write and tell. */
export async function writeAndAnnounce<T>(
  deps: { db: Database; events: EventBus; clock?: Clock },
  orgId: string,
  work: (tx: Transaction, announce: Announcer) => Promise<T>,
): Promise<T> {
  const announce = new Announcer(orgId);
  const write = () => deps.db.transaction((tx) => work(tx, announce));
  // The roll-up needs "today" to tell whether an objective's status moved (write-clock.ts).
  const result = await (deps.clock ? writingAt(deps.clock, write) : write());
  announce.publishTo(deps.events);
  return result;
}
