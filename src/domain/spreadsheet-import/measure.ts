import type { KeyResultKind } from '../vocabulary.js';
import type { ImportRow, RowError } from './rows.js';
import type { ImportColumn } from './columns.js';

/** A key result's measure as Cairn stores it, and the value its first check-in records (null: none). */
export interface ImportedMeasure {
  kind: KeyResultKind;
  unit: string | null;
  startValue: number | null;
  targetValue: number | null;
  targetMin: number | null;
  targetMax: number | null;
  milestones: string[];
  /** The metric or threshold value now; for milestones, how many of them are done. */
  current: number | null;
}

/**
 * Reads a key result row's measure. The kind is the row's, else milestones make a milestone result,
 * a target a metric, and a progress alone (Viva's percent results) a 0 → 100 % metric. A threshold
 * keeps its lower limit in Start and its upper limit in Target. A metric's start defaults to 0.
 */
export function measureOfRow(row: ImportRow, headerOf: (column: ImportColumn) => string): ImportedMeasure | RowError[] {
  const error = (column: ImportColumn, message: string): RowError[] => [{ row: row.row, column: headerOf(column), message }];
  const progressOnly = row.target === null && row.milestones.length === 0 && row.progress !== null;
  const kind =
    row.kind ??
    (row.milestones.length > 0 ? 'milestone' : row.target !== null || row.start !== null ? 'metric' : progressOnly ? 'metric' : null);
  if (kind === null) return error('target', 'A key result needs a target (or milestones, or a kind of Rollup).');
  const base = {
    kind,
    unit: row.unit,
    startValue: null,
    targetValue: null,
    targetMin: null,
    targetMax: null,
    milestones: [],
    current: null,
  };
  switch (kind) {
    case 'metric': {
      if (progressOnly) return { ...base, unit: row.unit ?? '%', startValue: 0, targetValue: 100, current: row.progress };
      if (row.target === null) return error('target', 'A metric key result needs a target.');
      const start = row.start ?? 0;
      if (start === row.target) return error('target', `The start equals the target (${start}): there is nothing to move.`);
      const fromProgress = row.progress === null ? null : start + (row.progress / 100) * (row.target - start);
      return { ...base, startValue: start, targetValue: row.target, current: row.current ?? fromProgress };
    }
    case 'threshold':
      if (row.start === null && row.target === null)
        return error('target', 'A threshold needs a lower limit (Start), an upper limit (Target) or both.');
      if (row.start !== null && row.target !== null && row.start > row.target)
        return error('target', 'The upper limit (Target) must not be below the lower limit (Start).');
      return { ...base, targetMin: row.start, targetMax: row.target, current: row.current };
    case 'milestone': {
      if (row.milestones.length === 0) return error('milestones', 'A milestone key result needs milestones, separated by ";".');
      const done = row.current;
      if (done !== null && (!Number.isInteger(done) || done < 0 || done > row.milestones.length))
        return error('current', `For milestones, Current is how many are done: a whole number from 0 to ${row.milestones.length}.`);
      return { ...base, milestones: row.milestones, current: done };
    }
    case 'rollup':
      return base;
  }
}
