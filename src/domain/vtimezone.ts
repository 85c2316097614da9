/**
 * An RFC 5545 VTIMEZONE for an IANA zone, from Intl alone: one component per offset change in the years
 * asked for (DAYLIGHT when the clock moves ahead of the zone's smaller offset of that year), after an
 * opening STANDARD component with the offset before the first change.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string) => {
  const options = {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  } as const;
  const made = formatters.get(timeZone) ?? new Intl.DateTimeFormat('en-US', options);
  formatters.set(timeZone, made);
  return made;
};

function offsetMinutes(timeZone: string, at: number): number {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(at / MINUTE) * MINUTE) / MINUTE);
}

export const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

const localStamp = (at: number, offset: number) =>
  new Date(at + offset * MINUTE)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');

export interface OffsetChange {
  at: number;
  from: number;
  to: number;
}

/** The instants the zone's offset changes between the two years (inclusive), to the minute. */
export function offsetChanges(timeZone: string, fromYear: number, toYear: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let day = Date.UTC(fromYear, 0, 1);
  let before = offsetMinutes(timeZone, day);
  for (; day < end; day += DAY) {
    const after = offsetMinutes(timeZone, day + DAY);
    if (after === before) continue;
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetMinutes(timeZone, mid) === before) low = mid;
      else high = mid;
    }
    changes.push({ at: high, from: before, to: after });
    before = after;
  }
  return changes;
}

export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const changes = offsetChanges(timeZone, fromYear, toYear);
  const first = changes[0]?.from ?? offsetMinutes(timeZone, Date.UTC(fromYear, 0, 1));
  const component = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...component('STANDARD', '19700101T000000', first, first)];
  for (const change of changes) {
    const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...component(kind, localStamp(change.at, change.from), change.from, change.to));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The wall clock of `timeZone` at `at`, as a Date whose UTC fields show it (what ical-generator writes with a TZID). */
export const wallClock = (timeZone: string, at: Date) => new Date(at.getTime() + offsetMinutes(timeZone, at.getTime()) * MINUTE);
