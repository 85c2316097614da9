/**
 * Percent-based KPIs carry an explicit start and end of their scale (0–100 by default; 0–1 for a share written as a
 * fraction, or any other two values): without them "95" and "0.95" cannot be told apart, a chart cannot place the
 * value, and a typo such as 950 % would pass. Bands and values must lie on the scale. Pure: the caller passes the fields.
 */
import type { KpiBands } from './kpi-health.js';

export interface PercentScale {
  percentStart: number | null;
  percentEnd: number | null;
}

export interface ScaleProblem {
  field: 'percentStart' | 'percentEnd' | 'healthy' | 'watch' | 'bandMin' | 'bandMax';
  message: string;
}

export const DEFAULT_PERCENT_SCALE = { percentStart: 0, percentEnd: 100 } as const;

/** `%` or `percent` (any case): the units that make a KPI percent-based. */
export const isPercentUnit = (unit: string | null | undefined): boolean => {
  const u = unit?.trim().toLowerCase();
  return u === '%' || u === 'percent';
};

/** The scale's lower and upper ends (a scale may run downwards, e.g. 100 → 0). */
export const scaleBounds = (scale: PercentScale): [number, number] | null =>
  scale.percentStart === null || scale.percentEnd === null
    ? null
    : [Math.min(scale.percentStart, scale.percentEnd), Math.max(scale.percentStart, scale.percentEnd)];

/** Both ends given, finite and different; every boundary the direction uses on the scale. */
export function validatePercentScale(scale: PercentScale, bands: KpiBands): ScaleProblem[] {
  for (const field of ['percentStart', 'percentEnd'] as const)
    if (scale[field] === null || !Number.isFinite(scale[field]))
      return [{ field, message: 'A percent KPI needs the start and end of its scale (e.g. 0 and 100).' }];
  if (scale.percentStart === scale.percentEnd)
    return [{ field: 'percentEnd', message: 'The scale must end at another value than it starts.' }];
  const [lo, hi] = scaleBounds(scale)!;
  const used = bands.direction === 'keep_in_band' ? (['bandMin', 'bandMax'] as const) : (['healthy', 'watch'] as const);
  return used
    .filter((field) => bands[field] !== null && (bands[field]! < lo || bands[field]! > hi))
    .map((field) => ({ field, message: `Must lie on the KPI's scale, from ${lo} to ${hi}.` }));
}

/** Why a value cannot be stored on this scale, or null when it fits (or the KPI has no scale). */
export function valueOffScale(scale: PercentScale, value: number): string | null {
  const bounds = scaleBounds(scale);
  if (!bounds || (value >= bounds[0] && value <= bounds[1])) return null;
  return `A value of this percent KPI lies between ${bounds[0]} and ${bounds[1]} (its scale).`;
}
