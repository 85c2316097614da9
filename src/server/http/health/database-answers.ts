import type { DatabaseHandle } from '../../../db/database.js';

/** Health answers within this long even when the database does not: a load balancer must hear "down", not wait. */
export const HEALTH_TIMEOUT_MS = 2_000;

export class PingTimeout extends Error {}

/** The database's ping, refused after `timeoutMs` however long the driver would wait. */
export function pingWithin(handle: DatabaseHandle, timeoutMs: number = HEALTH_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PingTimeout()), timeoutMs);
  });
  return Promise.race([handle.ping(), timeout]).finally(() => clearTimeout(timer));
}

/** Whether the database answers a ping within a second; asked only after an unexpected error. */
export const databaseAnswers = (handle: DatabaseHandle): Promise<boolean> =>
  pingWithin(handle, 1_000).then(
    () => true,
    () => false,
  );
