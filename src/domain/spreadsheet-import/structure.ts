import type { ObjectiveType } from '../vocabulary.js';
import { measureOfRow, type ImportedMeasure } from './measure.js';
import type { ImportRow, ReadRows, RowError } from './rows.js';

export interface PlannedObjective {
  row: number;
  rowId: string;
  title: string;
  description: string | null;
  team: string | null;
  ownerEmail: string | null;
  cycle: string;
  cycleStart: string | null;
  cycleEnd: string | null;
  type: ObjectiveType;
  weight: number;
}

export interface PlannedKeyResult extends ImportedMeasure {
  row: number;
  rowId: string;
  objectiveRowId: string;
  title: string;
  ownerEmail: string | null;
  weight: number;
  updatedAt: string | null;
}

/** An objective aligned under another objective or under a key result, by Row ID. */
export interface PlannedAlignment {
  row: number;
  childRowId: string;
  parentRowId: string;
  parentIsKeyResult: boolean;
}

export interface StructuredImport {
  objectives: PlannedObjective[];
  keyResults: PlannedKeyResult[];
  alignments: PlannedAlignment[];
  errors: RowError[];
}

const OUTLINE = /^\d+(\.\d+)+$/;

/** Explicit parents, else the outline number's parent (1.2.1 → 1.2). */
const parentsOf = (row: ImportRow) =>
  row.parents.length > 0 || !OUTLINE.test(row.rowId) ? row.parents : [row.rowId.replace(/\.\d+$/, '')];

/**
 * Checks the rows as a whole and turns them into objectives, key results and alignments: duplicate
 * Row IDs, parents that are missing, of the wrong kind or in another cycle, and loops. A key result
 * belongs to exactly one objective; an objective may align under several parents. An objective
 * without a cycle takes its parent's.
 */
export function structureRows(read: ReadRows): StructuredImport {
  const { headerOf } = read;
  const errors: RowError[] = [];
  const error = (row: number, column: Parameters<typeof headerOf>[0], message: string) =>
    errors.push({ row, column: headerOf(column), message });
  const byId = new Map<string, ImportRow>();
  for (const row of read.rows) {
    if (row.rowId === '') continue;
    const first = byId.get(row.rowId);
    if (first) error(row.row, 'rowId', `Row ID ${row.rowId} is already used on row ${first.row}.`);
    else byId.set(row.rowId, row);
  }
  const rows = [...byId.values()];
  const parents = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const found: ImportRow[] = [];
    for (const id of parentsOf(row)) {
      const parent = byId.get(id);
      if (!parent) error(row.row, 'parents', `Parent ${id} is not a Row ID in this file.`);
      else if (parent === row) error(row.row, 'parents', 'A row cannot be its own parent.');
      else found.push(parent);
    }
    parents.set(row.rowId, found);
  }

  // The objective a row's cycle and alignments are measured from: itself, or a key result's objective.
  const objectiveOf = (row: ImportRow): ImportRow | undefined =>
    row.type === 'objective' ? row : parents.get(row.rowId)?.find((p) => p.type === 'objective');
  const cycleMemo = new Map<string, string | null>();
  const cycleOf = (row: ImportRow, seen = new Set<string>()): string | null => {
    if (cycleMemo.has(row.rowId)) return cycleMemo.get(row.rowId)!;
    if (seen.has(row.rowId)) return null;
    seen.add(row.rowId);
    const own = row.type === 'objective' ? row.cycle : null;
    const parent = parents.get(row.rowId)?.[0];
    const cycle = own ?? (parent ? cycleOf(objectiveOf(parent) ?? parent, seen) : row.cycle);
    cycleMemo.set(row.rowId, cycle);
    return cycle;
  };

  const result: StructuredImport = { objectives: [], keyResults: [], alignments: [], errors };
  for (const row of rows) {
    const rowParents = parents.get(row.rowId)!;
    if (row.type === 'key_result') {
      const objectives = rowParents.filter((p) => p.type === 'objective');
      if (rowParents.length === 0) error(row.row, 'parents', "A key result needs its objective's Row ID in the parent column.");
      else if (rowParents.length > 1 || objectives.length !== 1)
        error(row.row, 'parents', 'A key result belongs to exactly one objective: give one objective as its parent.');
      const measure = measureOfRow(row, headerOf);
      if (Array.isArray(measure)) errors.push(...measure);
      else if (objectives.length === 1)
        result.keyResults.push({
          ...measure,
          row: row.row,
          rowId: row.rowId,
          objectiveRowId: objectives[0]!.rowId,
          title: row.title,
          ownerEmail: row.ownerEmail,
          weight: row.weight ?? 1,
          updatedAt: row.updatedAt,
        });
      continue;
    }
    const cycle = cycleOf(row);
    if (cycle === null) error(row.row, 'cycle', 'Name the cycle (or give the objective a parent that has one).');
    if (row.cycleStart && row.cycleEnd && row.cycleEnd < row.cycleStart) error(row.row, 'cycleEnd', 'The cycle ends before it starts.');
    for (const parent of rowParents) {
      const parentObjective = objectiveOf(parent);
      if (parentObjective && cycle !== null && cycleOf(parentObjective) !== cycle)
        error(row.row, 'parents', `Parent ${parent.rowId} is in another cycle (${cycleOf(parentObjective)}): align within one cycle.`);
      else
        result.alignments.push({
          row: row.row,
          childRowId: row.rowId,
          parentRowId: parent.rowId,
          parentIsKeyResult: parent.type === 'key_result',
        });
    }
    if (cycle !== null)
      result.objectives.push({
        row: row.row,
        rowId: row.rowId,
        title: row.title,
        description: row.description,
        team: row.team,
        ownerEmail: row.ownerEmail,
        cycle,
        cycleStart: row.cycleStart,
        cycleEnd: row.cycleEnd,
        type: row.objectiveType ?? 'committed',
        weight: row.weight ?? 1,
      });
  }
  errors.push(...loopErrors(result.alignments, result.keyResults, byId, headerOf('parents')));
  return result;
}

/** One error per alignment that closes a loop (an objective above itself), naming the loop. */
function loopErrors(
  alignments: PlannedAlignment[],
  keyResults: PlannedKeyResult[],
  byId: Map<string, ImportRow>,
  column: string,
): RowError[] {
  const objectiveOfKr = new Map(keyResults.map((kr) => [kr.rowId, kr.objectiveRowId]));
  const up = new Map<string, PlannedAlignment[]>();
  for (const a of alignments) up.set(a.childRowId, [...(up.get(a.childRowId) ?? []), a]);
  const state = new Map<string, 'visiting' | 'done'>();
  const errors: RowError[] = [];
  const visit = (id: string, path: string[]) => {
    state.set(id, 'visiting');
    for (const link of up.get(id) ?? []) {
      const parent = link.parentIsKeyResult ? objectiveOfKr.get(link.parentRowId) : link.parentRowId;
      if (parent === undefined) continue;
      if (state.get(parent) === 'visiting') {
        const loop = [...path.slice(path.indexOf(parent)), id, parent].join(' → ');
        errors.push({ row: byId.get(id)!.row, column, message: `Parent ${link.parentRowId} makes a loop: ${loop}.` });
      } else if (!state.has(parent)) visit(parent, [...path, id]);
    }
    state.set(id, 'done');
  };
  for (const id of up.keys()) if (!state.has(id)) visit(id, []);
  return errors;
}
