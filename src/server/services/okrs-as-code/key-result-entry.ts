import type { keyResults } from '../../../db/schema/index.js';
import type { OkrDocument } from './okr-yaml.js';

type KeyResultEntry = OkrDocument['objectives'][number]['keyResults'][number];

/**
 * A key result as the file writes it, in the import's conventions: a threshold's limits in start and target,
 * a milestone result's current as how many milestones are done, a weight only when it is not 1.
 */
export function keyResultEntry(kr: typeof keyResults.$inferSelect, key: string, owner: string | undefined): KeyResultEntry {
  const entry: KeyResultEntry = { key, title: kr.title, ...(owner ? { owner } : {}), kind: kr.kind };
  if (kr.unit) entry.unit = kr.unit;
  if (kr.kind === 'metric') {
    if (kr.startValue !== null) entry.start = kr.startValue;
    if (kr.targetValue !== null) entry.target = kr.targetValue;
    if (kr.currentValue !== null && kr.lastCheckInDate !== null) entry.current = kr.currentValue;
  }
  if (kr.kind === 'threshold') {
    if (kr.targetMin !== null) entry.start = kr.targetMin;
    if (kr.targetMax !== null) entry.target = kr.targetMax;
    if (kr.currentValue !== null && kr.lastCheckInDate !== null) entry.current = kr.currentValue;
  }
  if (kr.kind === 'milestone' && kr.milestones) {
    entry.milestones = kr.milestones.map((m) => m.title);
    const done = kr.milestones.filter((m) => m.done).length;
    if (done > 0) entry.current = done;
  }
  if (kr.weight !== 1) entry.weight = kr.weight;
  return entry;
}
