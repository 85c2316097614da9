/**
 * The day an imported current value is checked in: the file's update date when it has one, otherwise
 * today; never after the cycle's last day (a file of past quarters imports), never in the future.
 * Null when the cycle has not started yet: there is nothing to check in before its first day.
 */
export function importedCheckInDate(facts: {
  updatedAt: string | null;
  today: string;
  cycleStart: string;
  cycleEnd: string;
}): string | null {
  const wanted = facts.updatedAt !== null && facts.updatedAt <= facts.today ? facts.updatedAt : facts.today;
  const day = wanted > facts.cycleEnd ? facts.cycleEnd : wanted;
  if (day < facts.cycleStart) return facts.today >= facts.cycleStart ? facts.cycleStart : null;
  return day;
}

/** The quarter a Viva-style period names ("Q1 2025", "2025 Q1", "FY2025 Q3"), as dates; null otherwise. */
export function quarterDates(name: string): { startDate: string; endDate: string } | null {
  const match = /^(?:FY\s*)?(?:Q([1-4])\s*[-/ ]?\s*(?:FY\s*)?(\d{4})|(\d{4})\s*[-/ ]?\s*Q([1-4]))$/i.exec(name.trim());
  if (!match) return null;
  const quarter = Number(match[1] ?? match[4]);
  const year = match[2] ?? match[3];
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const starts = ['01-01', '04-01', '07-01', '10-01'];
  return { startDate: `${year}-${starts[quarter - 1]}`, endDate: `${year}-${ends[quarter - 1]}` };
}
