import type { DatabaseHandle } from '../../db/database.js';
import { resolveAuthSecret } from '../auth/secret.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { createMailer } from '../mail/mailer.js';
import type { JobContext } from './types.js';

/**
 * The job context outside a request: `cairn serve` for its ticker and `cairn jobs run`. The secret
 * is the one the app signs unsubscribe links with, read from the same database.
 */
export async function jobContextFor(handle: DatabaseHandle, config: Config, warn: (error: unknown) => void): Promise<JobContext> {
  return {
    db: handle.db,
    config,
    clock: systemClock,
    mailer: createMailer(config.smtpUrl, config.mailFrom, warn),
    secret: await resolveAuthSecret(handle.db, config.secret),
  };
}
