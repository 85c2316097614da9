/**
 * Small helpers shared by the rules: field paths, how a key result is named
 * in a message, and tolerant reading of half-filled draft fields.
 *
 * Drafts come straight from a form, so every reader here accepts undefined,
 * null, NaN and blank strings without throwing: the coach must never crash
 * while someone is typing.
 */
import type { DraftKeyResult, DraftObjective } from './types.js';

/** API path of a key result field: `keyResults[2].targetValue`. */
export function krField(index: number, path?: string): string {
  return path === undefined ? `keyResults[${index}]` : `keyResults[${index}].${path}`;
}

/** Placeholders people type to get past a required field. */
const PLACEHOLDERS = new Set(['-', '--', '.', '?', 'n/a', 'na', 'tbd', 'tba', 'todo', 'none', 'xxx']);

/** True for undefined, null, whitespace, or a placeholder such as "TBD". */
export function isBlank(value: string | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  const trimmed = value.trim();
  return trimmed === '' || PLACEHOLDERS.has(trimmed.toLowerCase());
}

/** A usable number: present and finite. */
export function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Quotes a title for a message, shortening very long ones. */
export function quote(text: string, max = 60): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  const chars = Array.from(clean);
  const shown = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
  return `“${shown}”`;
}

/** How a message names a key result: its title, or its position when untitled. */
export function krName(kr: DraftKeyResult, index: number): string {
  return isBlank(kr.title) ? `Key result ${index + 1}` : quote(kr.title);
}

/** Formats a number for people: 2000000 → "2,000,000", 0.3 → "0.3". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** "1 key result", "3 key results". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Formats a share 0–1 as a whole percentage: 0.3 → "30%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** True when the key result has something numeric or countable to reach. */
export function hasMeasurableTarget(kr: DraftKeyResult): boolean {
  switch (kr.kind) {
    case 'metric':
      return isNumber(kr.targetValue);
    case 'threshold':
      return isNumber(kr.targetMin) || isNumber(kr.targetMax);
    case 'milestone':
      return (kr.milestones ?? []).length > 0;
    case 'rollup':
      // Driven by aligned objectives: measured by construction.
      return true;
  }
}

/** Runs `check` on every key result, keeping its index for field paths. */
export function eachKeyResult<T>(objective: DraftObjective, check: (kr: DraftKeyResult, index: number) => T[]): T[] {
  return objective.keyResults.flatMap((kr, index) => check(kr, index));
}
