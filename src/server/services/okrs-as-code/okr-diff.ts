import type { ImportWork } from '../imports/plan-import.js';

export type DiffItemType = 'objective' | 'key_result' | 'alignment';

export interface DiffItem {
  type: DiffItemType;
  key: string;
  title: string;
  /** For a change: what differs, as "field: before → after". */
  changes?: string[];
}

export interface OkrDiff {
  added: DiffItem[];
  changed: DiffItem[];
  removed: DiffItem[];
  unchanged: number;
}

/** What Cairn holds that an earlier apply put there and the file no longer names: archived or deleted by apply. */
export interface Removals {
  objectives: { id: string; key: string; title: string }[];
  keyResults: { id: string; key: string; title: string; objectiveId: string }[];
  alignments: { id: string; childKey: string; parentKey: string; childObjectiveId: string }[];
}

/** Names the diff shows instead of ids. */
export interface Names {
  email: (userId: string | null) => string | null;
  team: (teamId: string | null) => string | null;
}

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : JSON.stringify(value));

function fieldChanges(pairs: [string, unknown, unknown][]): string[] {
  return pairs.filter(([, a, b]) => shown(a) !== shown(b)).map(([field, a, b]) => `${field}: ${shown(a)} → ${shown(b)}`);
}

/** The diff `okrs apply --dry-run` prints: added, changed (field by field), removed, and how many stay as they are. */
export function diffOf(work: ImportWork, removals: Removals, names: Names): OkrDiff {
  const { email, team } = names;
  const diff: OkrDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const o of work.objectives) {
    const item = { type: 'objective' as const, key: o.plan.rowId, title: o.plan.title };
    if (o.action === 'create') diff.added.push(item);
    else if (o.action === 'unchanged') diff.unchanged += 1;
    else {
      const e = o.existing!;
      diff.changed.push({
        ...item,
        changes: fieldChanges([
          ['title', e.title, o.plan.title],
          ['description', e.description, o.plan.description],
          ['owner', email(e.ownerId), o.plan.ownerEmail],
          ['team', team(e.teamId), o.plan.team],
          ['type', e.type, o.plan.type],
          ['weight', e.weight, o.plan.weight],
        ]),
      });
    }
  }
  for (const k of work.keyResults) {
    const item = { type: 'key_result' as const, key: k.plan.rowId, title: k.plan.title };
    if (k.action === 'create') diff.added.push(item);
    else if (k.action === 'unchanged') diff.unchanged += 1;
    else {
      const e = k.existing!;
      diff.changed.push({
        ...item,
        changes: [
          ...fieldChanges([
            ['title', e.title, k.plan.title],
            ['owner', email(e.ownerId), k.plan.ownerEmail],
            ['unit', e.unit, k.plan.unit],
            ['start', e.startValue ?? e.targetMin, k.plan.startValue ?? k.plan.targetMin],
            ['target', e.targetValue ?? e.targetMax, k.plan.targetValue ?? k.plan.targetMax],
            ['weight', e.weight, k.plan.weight],
            ['milestones', e.milestones?.map((m) => m.title) ?? null, k.milestones?.map((m) => m.title) ?? null],
          ]),
          ...(k.checkIn ? [`current: ${shown(e.currentValue)} → ${shown(k.checkIn.value)} (a check-in)`] : []),
        ],
      });
    }
  }
  for (const a of work.alignments)
    diff.added.push({ type: 'alignment', key: `${a.childRowId} → ${a.parentRowId}`, title: `${a.childRowId} aligns to ${a.parentRowId}` });
  for (const o of removals.objectives) diff.removed.push({ type: 'objective', key: o.key, title: o.title });
  for (const k of removals.keyResults) diff.removed.push({ type: 'key_result', key: k.key, title: k.title });
  for (const a of removals.alignments)
    diff.removed.push({ type: 'alignment', key: `${a.childKey} → ${a.parentKey}`, title: `${a.childKey} aligns to ${a.parentKey}` });
  return diff;
}
