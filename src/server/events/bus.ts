import { EventEmitter } from 'node:events';

/** Something open pages should react to: they refetch what the event names. */
export interface LiveEvent {
  orgId: string;
  type: 'check_in' | 'objective' | 'comment' | 'notification' | 'retrospective' | 'meeting' | 'dependency';
  entityId?: string;
  /** The objective whose page shows the change (a check-in's, a key result's, a comment's). */
  objectiveId?: string;
  /** For `notification`: whose notification centre changed. */
  userId?: string;
}

export interface EventBus {
  /** Call after the change has committed. */
  publish(event: LiveEvent): void;
  subscribe(orgId: string, listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

/** Delivers events to listeners in this process only (PGlite is single-process). */
export function createLocalBus(): EventBus & { deliver(event: LiveEvent): void } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const deliver = (event: LiveEvent) => emitter.emit(event.orgId, event);
  return {
    deliver,
    publish: deliver,
    subscribe(orgId, listener) {
      emitter.on(orgId, listener);
      return () => emitter.off(orgId, listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}
