import type { QualityPrinciplesInput } from '../quality/types.js';

/**
 * Maturity levels: stretch goals come in phases. Each level sets the guiding principles (docs/rollout.md); the
 * adoption figures say when the organisation is ready for the next, and an admin moves it.
 */
export const MATURITY_LEVELS = ['learning', 'practising', 'scaling'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

export interface MaturityPreset {
  /** Aspirational objectives allowed at all, and their largest share of a cycle. */
  maxAspirationalShare: number;
  maxKeyResults: number;
  /** How the publish gate treats the stretch policy: block while learning, warn while practising, tip once scaling. */
  gate: 'strict' | 'standard' | 'lenient';
}

export const MATURITY_PRESETS: Record<MaturityLevel, MaturityPreset> = {
  learning: { maxAspirationalShare: 0, maxKeyResults: 3, gate: 'strict' },
  practising: { maxAspirationalShare: 0.3, maxKeyResults: 4, gate: 'standard' },
  scaling: { maxAspirationalShare: 0.5, maxKeyResults: 5, gate: 'lenient' },
};

const STRETCH_SETTING = { strict: 'block', standard: 'warn', lenient: 'tip' } as const;

/** The principles a level sets, laid over the organisation's own (its other choices stay). */
export function principlesAtLevel(level: MaturityLevel, current: QualityPrinciplesInput): QualityPrinciplesInput {
  const preset = MATURITY_PRESETS[level];
  const minKeyResults = Math.min(current.minKeyResults ?? 2, preset.maxKeyResults);
  return {
    ...current,
    minKeyResults,
    maxKeyResults: preset.maxKeyResults,
    stretchPolicy: { ...current.stretchPolicy, maxAspirationalShare: preset.maxAspirationalShare },
    rules: { ...current.rules, 'stretch-policy': STRETCH_SETTING[preset.gate] },
  };
}

export interface AdoptionLevelFigures {
  involvement: number | null;
  onTimeCheckIns: number | null;
  averageQuality: number | null;
}

type Figure = keyof AdoptionLevelFigures;

/** What the organisation must reach, over the last four weeks, to move up from a level. */
export const NEXT_LEVEL_NEEDS: Record<MaturityLevel, Partial<Record<Figure, number>>> = {
  learning: { involvement: 0.6, onTimeCheckIns: 0.6 },
  practising: { involvement: 0.8, onTimeCheckIns: 0.75, averageQuality: 70 },
  scaling: {},
};

export interface Qualification {
  level: MaturityLevel;
  next: MaturityLevel | null;
  criteria: { figure: Figure; needed: number; actual: number | null; met: boolean }[];
  qualifies: boolean;
}

/** Whether the figures qualify for the next level; a figure with no data (null) is not met. Scaling is the top. */
export function qualification(level: MaturityLevel, figures: AdoptionLevelFigures): Qualification {
  const next = MATURITY_LEVELS[MATURITY_LEVELS.indexOf(level) + 1] ?? null;
  const criteria = (Object.entries(NEXT_LEVEL_NEEDS[level]) as [Figure, number][]).map(([figure, needed]) => {
    const actual = figures[figure];
    return { figure, needed, actual, met: actual !== null && actual >= needed };
  });
  return { level, next, criteria, qualifies: next !== null && criteria.every((c) => c.met) };
}

/** The mean of the weeks that have the figure (weeks without data are left out, not counted as zero). */
export function meanOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}
