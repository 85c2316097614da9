/**
 * KPI health: where a value sits against the KPI's bands, which way it is moving, and for how many
 * periods in a row it has been unhealthy. Pure: the caller passes the values and the bands.
 */
export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better', 'keep_in_band'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const KPI_CADENCES = ['weekly', 'monthly'] as const;
export type KpiCadence = (typeof KPI_CADENCES)[number];

export const KPI_HEALTHS = ['healthy', 'watch', 'unhealthy'] as const;
export type KpiHealth = (typeof KPI_HEALTHS)[number];

export type KpiTrend = 'improving' | 'steady' | 'worsening';

/** The thresholds as stored: `healthy`/`watch` for the two one-sided directions, the band for keep_in_band. */
export interface KpiBands {
  direction: KpiDirection;
  healthy: number | null;
  watch: number | null;
  bandMin: number | null;
  bandMax: number | null;
  watchMargin: number | null;
}

export interface BandProblem {
  field: keyof KpiBands;
  message: string;
}

const missing = (bands: KpiBands, fields: (keyof KpiBands)[]): BandProblem[] =>
  fields
    .filter((f) => bands[f] === null || !Number.isFinite(bands[f]))
    .map((field) => ({ field, message: 'Required for this direction.' }));

/** The bands must fit the direction: healthy beyond watch on the good side, a band that is not upside down. */
export function validateBands(bands: KpiBands): BandProblem[] {
  if (bands.direction === 'keep_in_band') {
    const absent = missing(bands, ['bandMin', 'bandMax', 'watchMargin']);
    if (absent.length) return absent;
    if (bands.bandMin! > bands.bandMax!) return [{ field: 'bandMax', message: 'The band must end at or above its start (bandMin).' }];
    if (bands.watchMargin! < 0) return [{ field: 'watchMargin', message: 'The watch margin cannot be negative.' }];
    return [];
  }
  const absent = missing(bands, ['healthy', 'watch']);
  if (absent.length) return absent;
  if (bands.direction === 'higher_is_better' && bands.healthy! < bands.watch!)
    return [{ field: 'watch', message: 'When higher is better, the watch boundary must be at or below the healthy one.' }];
  if (bands.direction === 'lower_is_better' && bands.healthy! > bands.watch!)
    return [{ field: 'watch', message: 'When lower is better, the watch boundary must be at or above the healthy one.' }];
  return [];
}

/** How far a value is from healthy, in the KPI's units (0 when healthy): comparable across values of one KPI. */
export function shortfall(bands: KpiBands, value: number): number {
  switch (bands.direction) {
    case 'higher_is_better':
      return Math.max(0, bands.healthy! - value);
    case 'lower_is_better':
      return Math.max(0, value - bands.healthy!);
    case 'keep_in_band':
      return Math.max(0, bands.bandMin! - value, value - bands.bandMax!);
  }
}

/** Healthy at or beyond the healthy boundary, watch at or beyond the watch one; keep_in_band: inside, within the margin, outside. */
export function healthOf(bands: KpiBands, value: number): KpiHealth {
  switch (bands.direction) {
    case 'higher_is_better':
      return value >= bands.healthy! ? 'healthy' : value >= bands.watch! ? 'watch' : 'unhealthy';
    case 'lower_is_better':
      return value <= bands.healthy! ? 'healthy' : value <= bands.watch! ? 'watch' : 'unhealthy';
    case 'keep_in_band': {
      const off = shortfall(bands, value);
      return off === 0 ? 'healthy' : off <= bands.watchMargin! ? 'watch' : 'unhealthy';
    }
  }
}

/** The value a recovery key result aims for: the nearest healthy boundary. */
export function healthyBoundary(bands: KpiBands, value: number): number {
  if (bands.direction !== 'keep_in_band') return bands.healthy!;
  return value < bands.bandMin! ? bands.bandMin! : bands.bandMax!;
}

/** Better or worse than the value before, by the direction (inside a band every value is as good). */
export function trendOf(bands: KpiBands, previous: number | undefined, latest: number | undefined): KpiTrend | null {
  if (previous === undefined || latest === undefined) return null;
  const before = bands.direction === 'keep_in_band' ? shortfall(bands, previous) : previous;
  const now = bands.direction === 'keep_in_band' ? shortfall(bands, latest) : latest;
  if (before === now) return 'steady';
  const better = bands.direction === 'higher_is_better' ? now > before : now < before;
  return better ? 'improving' : 'worsening';
}
