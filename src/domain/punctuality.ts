/**
 * Were check-ins made when due? A key result is due every `cadenceDays` after it starts (its effective start, else
 * the cycle's start), up to the cycle's end or today, whichever is earlier. The check-in for the due date D is on
 * time when one is dated in the period that ends on D (after the previous due date, up to and including D).
 */
import { addDays, type IsoDate } from './dates.js';

export interface PunctualityInput {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly today: IsoDate;
  readonly cadenceDays: number;
  /** Dates (asOf) of the key result's check-ins, any order. */
  readonly checkInDates: readonly IsoDate[];
}

export function checkInPunctuality(input: PunctualityInput): { due: number; onTime: number } {
  const last = input.end < input.today ? input.end : input.today;
  let due = 0;
  let onTime = 0;
  for (let from = input.start, to = addDays(input.start, input.cadenceDays); to <= last; from = to, to = addDays(to, input.cadenceDays)) {
    due += 1;
    if (input.checkInDates.some((date) => date > from && date <= to)) onTime += 1;
  }
  return { due, onTime };
}
