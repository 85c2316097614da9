import {
  importedCheckInDate,
  readRows,
  structureRows,
  type ColumnMapping,
  type ImportColumn,
  type PlannedAlignment,
  type PlannedKeyResult,
  type PlannedObjective,
  type RowError,
} from '../../../domain/spreadsheet-import/index.js';
import type { MilestoneRow } from '../../../db/schema/index.js';
import { alignmentKey, type KeyResultRow, type ObjectiveRow, type OrgFacts } from './org-facts.js';
import type { ReadSheet } from './read-file.js';
import {
  nameKey,
  resolveCycles,
  resolveOwners,
  resolveTeams,
  type CycleToCreate,
  type OwnerChoice,
  type ResolvedCycle,
} from './resolve-names.js';

export interface ImportOptions extends OwnerChoice {
  /** Keeps the Row IDs of different files apart; re-importing with the same source updates. */
  source?: string;
  mapping?: ColumnMapping;
}

export type RowAction = 'create' | 'update' | 'unchanged';
const tally = () => ({ create: 0, update: 0, unchanged: 0 });

export interface ImportPreview {
  format: ReadSheet['format'];
  counts: {
    objectives: Record<RowAction, number>;
    keyResults: Record<RowAction, number>;
    alignments: { create: number };
    cycles: { create: number };
    teams: { create: number };
    invitations: number;
    checkIns: number;
  };
  cyclesToCreate: CycleToCreate[];
  teamsToCreate: string[];
  peopleToInvite: string[];
  rows: { row: number; rowId: string; type: 'objective' | 'key_result'; title: string; action: RowAction }[];
  skipped: { row: number; rowId: string; type: string }[];
  unmappedHeaders: string[];
  mapping: Record<string, ImportColumn>;
  errors: RowError[];
}

export interface ObjectiveWork {
  plan: PlannedObjective;
  existing: ObjectiveRow | undefined;
  cycle: ResolvedCycle;
  ownerId: string | null;
  teamKey: string | null;
  action: RowAction;
  /** Objectives with no key results in the file take their progress from what aligns to them. */
  driver: 'key_results' | 'aligned';
}

export interface KeyResultWork {
  plan: PlannedKeyResult;
  existing: KeyResultRow | undefined;
  ownerId: string | null;
  milestones: MilestoneRow[] | null;
  action: RowAction;
  checkIn: { asOf: string; value: number | null; milestonesDone: boolean[] | null } | null;
}

export interface ImportWork {
  source: string;
  cyclesToCreate: CycleToCreate[];
  teamsToCreate: string[];
  /** Existing teams by name key (null: created by this import). */
  teamIds: Map<string, string | null>;
  peopleToInvite: string[];
  objectives: ObjectiveWork[];
  keyResults: KeyResultWork[];
  alignments: PlannedAlignment[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What importing the sheet would do, against the organisation as it is: the preview a person confirms
 * (counts, names to create, people to invite, every row error) and the work the apply step writes.
 */
export function planImport(
  sheet: ReadSheet,
  facts: OrgFacts,
  today: string,
  options: ImportOptions,
): { preview: ImportPreview; work: ImportWork } {
  const read = readRows(sheet, options.mapping);
  const structure = structureRows(read);
  const errors = [...read.errors, ...structure.errors];
  const cycles = resolveCycles(structure.objectives, facts, today, read.headerOf('cycle'));
  const teams = resolveTeams(
    structure.objectives.map((o) => o.team),
    facts,
  );
  const owners = resolveOwners([...structure.objectives, ...structure.keyResults], facts, options, read.headerOf('ownerEmail'));
  errors.push(...cycles.errors, ...owners.errors);
  const ownerOf = (email: string | null) => (email === null ? null : (owners.ids.get(email) ?? null));
  const hasKeyResults = new Set(structure.keyResults.map((kr) => kr.objectiveRowId));

  const objectives: ObjectiveWork[] = [];
  for (const plan of structure.objectives) {
    const cycle = cycles.resolved.get(nameKey(plan.cycle));
    if (!cycle) continue;
    const existing = facts.objectivesByRowId.get(plan.rowId);
    const ownerId = ownerOf(plan.ownerEmail);
    const teamKey = plan.team === null ? null : nameKey(plan.team);
    const teamId = teamKey === null ? null : teams.ids.get(teamKey);
    if (existing && existing.cycleId !== cycle.id)
      errors.push({
        row: plan.row,
        column: read.headerOf('cycle'),
        message: 'This row was imported into another cycle: an import does not move objectives between cycles.',
      });
    const changed =
      !existing ||
      !same(
        [existing.title, existing.description, existing.ownerId, existing.teamId, existing.type, existing.weight],
        [plan.title, plan.description, ownerId, teamId, plan.type, plan.weight],
      );
    const action: RowAction = !existing ? 'create' : changed ? 'update' : 'unchanged';
    if (cycle.closed && action !== 'unchanged')
      errors.push({
        row: plan.row,
        column: read.headerOf('cycle'),
        message: `${cycle.name} is closed: its objectives and scores are final.`,
      });
    objectives.push({ plan, existing, cycle, ownerId, teamKey, action, driver: hasKeyResults.has(plan.rowId) ? 'key_results' : 'aligned' });
  }

  const objectiveByRowId = new Map(objectives.map((o) => [o.plan.rowId, o]));
  const keyResults: KeyResultWork[] = [];
  for (const plan of structure.keyResults) {
    const parent = objectiveByRowId.get(plan.objectiveRowId);
    if (!parent) continue;
    const existing = facts.keyResultsByRowId.get(plan.rowId);
    if (existing && existing.kind !== plan.kind) {
      errors.push({
        row: plan.row,
        column: read.headerOf('kind'),
        message: `This key result was imported as ${existing.kind}: the kind of a key result cannot change.`,
      });
      continue;
    }
    if (existing && parent.existing && existing.objectiveId !== parent.existing.id)
      errors.push({
        row: plan.row,
        column: read.headerOf('parents'),
        message: 'This key result was imported under another objective: an import does not move key results.',
      });
    const ownerId = ownerOf(plan.ownerEmail);
    const milestones =
      plan.kind === 'milestone'
        ? plan.milestones.map((title, i) => ({ title, weight: 1, done: existing?.milestones?.[i]?.done ?? false }))
        : null;
    const measure = [
      plan.title,
      ownerId,
      plan.weight,
      plan.unit,
      plan.startValue,
      plan.targetValue,
      plan.targetMin,
      plan.targetMax,
      milestones?.map((m) => m.title) ?? null,
    ];
    const before = existing && [
      existing.title,
      existing.ownerId,
      existing.weight,
      existing.unit,
      existing.startValue,
      existing.targetValue,
      existing.targetMin,
      existing.targetMax,
      existing.milestones?.map((m) => m.title) ?? null,
    ];
    const checkIn = checkInOf(plan, existing, parent.cycle, today, sheet.updatedAt);
    const action: RowAction = !existing ? 'create' : !same(before, measure) || checkIn ? 'update' : 'unchanged';
    if (parent.cycle.closed && action !== 'unchanged')
      errors.push({
        row: plan.row,
        column: read.headerOf('cycle'),
        message: `${parent.cycle.name} is closed: its key results and scores are final.`,
      });
    keyResults.push({ plan, existing, ownerId, milestones, action, checkIn });
  }

  const newAlignments = structure.alignments.filter((a) => {
    const child = facts.objectivesByRowId.get(a.childRowId);
    const parent = a.parentIsKeyResult ? facts.keyResultsByRowId.get(a.parentRowId) : facts.objectivesByRowId.get(a.parentRowId);
    if (!child || !parent) return true;
    return !facts.alignmentKeys.has(
      alignmentKey(child.id, a.parentIsKeyResult ? { parentKeyResultId: parent.id } : { parentObjectiveId: parent.id }),
    );
  });
  errors.sort((a, b) => a.row - b.row);
  const count = (list: { action: RowAction }[]) => list.reduce((t, item) => ({ ...t, [item.action]: t[item.action] + 1 }), tally());
  const preview: ImportPreview = {
    format: sheet.format,
    counts: {
      objectives: count(objectives),
      keyResults: count(keyResults),
      alignments: { create: newAlignments.length },
      cycles: { create: cycles.toCreate.length },
      teams: { create: teams.toCreate.length },
      invitations: owners.toInvite.length,
      checkIns: keyResults.filter((k) => k.checkIn).length,
    },
    cyclesToCreate: cycles.toCreate,
    teamsToCreate: teams.toCreate,
    peopleToInvite: owners.toInvite,
    rows: [
      ...objectives.map((o) => ({
        row: o.plan.row,
        rowId: o.plan.rowId,
        type: 'objective' as const,
        title: o.plan.title,
        action: o.action,
      })),
      ...keyResults.map((k) => ({
        row: k.plan.row,
        rowId: k.plan.rowId,
        type: 'key_result' as const,
        title: k.plan.title,
        action: k.action,
      })),
    ].sort((a, b) => a.row - b.row),
    skipped: read.skipped,
    unmappedHeaders: read.unmapped,
    mapping: read.mapping,
    errors,
  };
  const work: ImportWork = {
    source: options.source ?? 'spreadsheet',
    cyclesToCreate: cycles.toCreate,
    teamsToCreate: teams.toCreate,
    teamIds: teams.ids,
    peopleToInvite: owners.toInvite,
    objectives,
    keyResults,
    alignments: newAlignments,
  };
  return { preview, work };
}

/** The current value as a check-in, unless it is what the key result already shows (or older than its last check-in). */
function checkInOf(
  plan: PlannedKeyResult,
  existing: KeyResultRow | undefined,
  cycle: ResolvedCycle,
  today: string,
  fileUpdatedAt: string | null,
) {
  if (plan.current === null || plan.kind === 'rollup') return null;
  const asOf = importedCheckInDate({
    updatedAt: plan.updatedAt ?? fileUpdatedAt,
    today,
    cycleStart: cycle.startDate,
    cycleEnd: cycle.endDate,
  });
  if (asOf === null) return null;
  if (plan.kind === 'milestone') {
    const milestonesDone = plan.milestones.map((_, i) => i < plan.current!);
    if (
      existing &&
      same(
        existing.milestones?.map((m) => m.done),
        milestonesDone,
      )
    )
      return null;
    if (existing?.lastCheckInDate && asOf < existing.lastCheckInDate) return null;
    return { asOf, value: null, milestonesDone };
  }
  if (existing && existing.currentValue === plan.current) return null;
  if (existing?.lastCheckInDate && asOf < existing.lastCheckInDate) return null;
  return { asOf, value: plan.current, milestonesDone: null };
}
