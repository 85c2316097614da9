import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock.js';

// Request context rather than a parameter, as write-channel.ts: the roll-up compares each objective's status
// with the one last announced, and status needs "today"; some 30 callers reach the roll-up, none of which
// should have to carry the clock for it. writeAndAnnounce sets it from the service's deps.
const clock = new AsyncLocalStorage<Clock>();

/** Runs `work` with `now` as the clock of the write in progress. */
export const writingAt = <T>(now: Clock, work: () => Promise<T>): Promise<T> => clock.run(now, work);

/** The clock of the write in progress; null outside writeAndAnnounce (imports, seeding): the daily job catches up. */
export const currentWriteClock = (): Clock | null => clock.getStore() ?? null;
