import { healthOf, trendOf, type KpiBands, type KpiCadence, type KpiHealth, type KpiTrend } from './kpi-health.js';

export interface DatedValue {
  asOf: string;
  value: number;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date, by the civil-calendar arithmetic (no Date object: a board reads
 * thousands of dates, and parsing each was a third of its time).
 */
function dayNumber(date: string): number {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The period a date falls in, as a number that grows by one per period: ISO weeks (Monday first) for
 * weekly KPIs, calendar months for monthly ones. Consecutive periods differ by exactly 1.
 */
export function periodIndex(date: string, cadence: KpiCadence): number {
  if (cadence === 'monthly') return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  // 1970-01-01 was a Thursday: shift by 3 days so weeks start on Monday.
  return Math.floor((dayNumber(date) + 3) / 7);
}

/** The latest value of each period, oldest period first (values need not be sorted). */
export function latestPerPeriod(values: readonly DatedValue[], cadence: KpiCadence): { period: number; value: DatedValue }[] {
  const byPeriod = new Map<number, DatedValue>();
  for (const v of values) {
    const period = periodIndex(v.asOf, cadence);
    const held = byPeriod.get(period);
    if (!held || v.asOf >= held.asOf) byPeriod.set(period, v);
  }
  return [...byPeriod.entries()].sort((a, b) => a[0] - b[0]).map(([period, value]) => ({ period, value }));
}

/**
 * How many periods in a row, ending with the latest reported one, the KPI's period value was unhealthy.
 * A period without any value ends the run: nobody knows how healthy it was.
 */
export function unhealthyPeriods(bands: KpiBands, values: readonly DatedValue[], cadence: KpiCadence): number {
  return unhealthyRun(bands, latestPerPeriod(values, cadence));
}

function unhealthyRun(bands: KpiBands, periods: readonly { period: number; value: DatedValue }[]): number {
  let count = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    const { period, value } = periods[i]!;
    if (i < periods.length - 1 && periods[i + 1]!.period - period !== 1) break;
    if (healthOf(bands, value.value) !== 'unhealthy') break;
    count++;
  }
  return count;
}

export interface KpiSummary {
  latest: DatedValue | null;
  health: KpiHealth | null;
  trend: KpiTrend | null;
  unhealthyPeriods: number;
  /** The date of the first period of the current unhealthy run (its latest value), or null. */
  unhealthySince: string | null;
  /** One value per period (the latest of each), oldest first, at most `seriesLength`. */
  series: DatedValue[];
}

/** Everything a KPI board shows about one KPI, from its values (any order). */
export function summarizeKpi(bands: KpiBands, cadence: KpiCadence, values: readonly DatedValue[], seriesLength = 26): KpiSummary {
  const periods = latestPerPeriod(values, cadence);
  const run = unhealthyRun(bands, periods);
  const latest = periods.at(-1)?.value ?? null;
  return {
    latest,
    health: latest ? healthOf(bands, latest.value) : null,
    trend: trendOf(bands, periods.at(-2)?.value.value, latest?.value),
    unhealthyPeriods: run,
    unhealthySince: run > 0 ? periods[periods.length - run]!.value.asOf : null,
    series: periods.slice(-seriesLength).map((p) => p.value),
  };
}

const latestUpTo = (values: readonly DatedValue[], date: string) =>
  values.reduce<DatedValue | null>((held, v) => (v.asOf <= date && (!held || v.asOf >= held.asOf) ? v : held), null);

/**
 * How a KPI's health moved across a window (after `from`, up to `to`): null when it did not change or nothing was
 * reported in the window. A KPI's first value counts as a change from "no health".
 */
export function healthChange(
  bands: KpiBands,
  values: readonly DatedValue[],
  from: string,
  to: string,
): { before: KpiHealth | null; after: KpiHealth; latest: DatedValue } | null {
  const latest = latestUpTo(values, to);
  if (!latest || latest.asOf <= from) return null;
  const earlier = latestUpTo(values, from);
  const before = earlier ? healthOf(bands, earlier.value) : null;
  const after = healthOf(bands, latest.value);
  return before === after ? null : { before, after, latest };
}
