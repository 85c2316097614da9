import type { KeyResultKind, ObjectiveType } from '../vocabulary.js';
import { headerKey } from './columns.js';

/** What a row's Type cell says: an objective, a key result, or something Cairn does not import (Viva's projects). */
export type RowType = 'objective' | 'key_result' | 'skipped';

const TYPES: Record<string, RowType> = {
  objective: 'objective',
  o: 'objective',
  obj: 'objective',
  goal: 'objective',
  keyresult: 'key_result',
  kr: 'key_result',
  project: 'skipped',
  initiative: 'skipped',
  task: 'skipped',
  kpi: 'skipped',
};

export const rowTypeOf = (text: string): RowType | undefined => TYPES[headerKey(text)];

const KINDS: Record<string, KeyResultKind> = {
  metric: 'metric',
  number: 'metric',
  percentage: 'metric',
  percent: 'metric',
  currency: 'metric',
  threshold: 'threshold',
  range: 'threshold',
  milestone: 'milestone',
  milestones: 'milestone',
  rollup: 'rollup',
  aligned: 'rollup',
};

export const kindOf = (text: string): KeyResultKind | undefined => KINDS[headerKey(text)];

const OBJECTIVE_TYPES: Record<string, ObjectiveType> = {
  committed: 'committed',
  commit: 'committed',
  aspirational: 'aspirational',
  stretch: 'aspirational',
  moonshot: 'aspirational',
};

export const objectiveTypeOf = (text: string): ObjectiveType | undefined => OBJECTIVE_TYPES[headerKey(text)];

/** Levels people write; the team column decides where an objective sits, the level is checked against it. */
export const LEVELS = ['company', 'organization', 'organisation', 'department', 'team', 'individual', 'personal'] as const;
export const isLevel = (text: string) => (LEVELS as readonly string[]).includes(headerKey(text));
