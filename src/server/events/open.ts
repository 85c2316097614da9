import { createLocalBus, type EventBus } from './bus.js';
import { createPostgresBus } from './postgres-bus.js';

/**
 * PGlite serves one process, so its bus is in-process; processes on one PostgreSQL server share
 * events through LISTEN/NOTIFY. The listener's reconnects are reported on stderr: the app's logger
 * does not exist yet when the bus is opened.
 */
export function openEventBus(databaseUrl: string | undefined): Promise<EventBus> {
  if (!databaseUrl) return Promise.resolve(createLocalBus());
  return createPostgresBus(databaseUrl, { onError: (error) => console.warn(`[cairn] live events: ${error.message}; reconnecting`) });
}
