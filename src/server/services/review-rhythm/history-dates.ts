import { expectedProgress, isStale, paceWindow, type CheckInCadence } from '../../../domain/index.js';

type DateArg = string | null | undefined;

/**
 * The domain's date arithmetic validates and parses its dates on every call. A replay asks it the same few
 * questions for thousands of key results (the same cycle, two dates, a handful of effective starts), so each
 * distinct question is answered once per history. Pure functions: the answers are the ones the domain gives.
 */
function once<A extends DateArg[], R>(compute: (...args: A) => R): (...args: A) => R {
  // A tree of maps, one level per argument (null and undefined are one key): no key string built per question,
  // and a whole cycle asks tens of thousands of them.
  type Level = Map<string | null, Level | { answer: R }>;
  const root: Level = new Map();
  return (...args: A) => {
    let level = root;
    for (let i = 0; i < args.length - 1; i++) {
      const key = args[i] ?? null;
      let next = level.get(key) as Level | undefined;
      if (!next) {
        next = new Map();
        level.set(key, next);
      }
      level = next;
    }
    const last = args[args.length - 1] ?? null;
    const known = level.get(last) as { answer: R } | undefined;
    if (known) return known.answer;
    const answer = compute(...args);
    level.set(last, { answer });
    return answer;
  };
}

export interface HistoryDates {
  /** expectedProgress in the cycle at `date` for an objective starting on `start`. */
  expected: (date: string, start: DateArg) => number;
  /** The start of the pace window of a key result created on `created` (see staleAt). */
  paceStart: (created: string, objectiveStart: DateArg, keyResultStart: DateArg) => string;
  /** isStale with these facts. */
  stale: (lastCheckInDate: DateArg, since: string, asOf: string, cadence: DateArg) => boolean;
}

export function historyDates(cycle: { startDate: string; endDate: string }): HistoryDates {
  return {
    expected: once((date: string, start: DateArg) => expectedProgress(cycle, date, start)),
    paceStart: once(
      (created: string, objectiveStart: DateArg, keyResultStart: DateArg) =>
        paceWindow(cycle, created, objectiveStart, keyResultStart).startDate,
    ),
    stale: once((lastCheckInDate: DateArg, since: string, asOf: string, cadence: DateArg) =>
      isStale({ lastCheckInDate: lastCheckInDate ?? null, since, asOf, cadence: (cadence ?? undefined) as CheckInCadence | undefined }),
    ),
  };
}
