import type { KeyResultKind, ObjectiveType } from '../vocabulary.js';
import { dateCell, listCell, numberCell, textCell, type CellResult } from './cells.js';
import { mapHeaders, TEMPLATE_HEADERS, type ColumnMapping, type ImportColumn } from './columns.js';
import { isLevel, kindOf, objectiveTypeOf, rowTypeOf } from './row-kinds.js';

/** A problem with one cell: the row as numbered in the file (the header is row 1) and the column's header. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportRow {
  row: number;
  rowId: string;
  parents: string[];
  type: 'objective' | 'key_result';
  title: string;
  description: string | null;
  team: string | null;
  ownerEmail: string | null;
  cycle: string | null;
  cycleStart: string | null;
  cycleEnd: string | null;
  objectiveType: ObjectiveType | null;
  kind: KeyResultKind | null;
  unit: string | null;
  start: number | null;
  target: number | null;
  current: number | null;
  weight: number | null;
  milestones: string[];
  progress: number | null;
  updatedAt: string | null;
}

export interface SheetTable {
  headers: string[];
  /** Data rows as text, in file order (the first is row 2). */
  records: string[][];
}

export interface ReadRows {
  rows: ImportRow[];
  errors: RowError[];
  /** Rows of a type Cairn does not import (Viva's projects and tasks). */
  skipped: { row: number; rowId: string; type: string }[];
  unmapped: string[];
  /** Which column each recognised header became: shown in the mapping step. */
  mapping: Record<string, ImportColumn>;
  /** The header each column has in this file (the template's header when absent), for error messages. */
  headerOf: (column: ImportColumn) => string;
}

const NUMBER_COLUMNS = ['start', 'target', 'current', 'weight', 'progress'] as const;

/** Reads every data row into typed fields, collecting every cell problem rather than stopping at the first. */
export function readRows(table: SheetTable, mapping: ColumnMapping = {}): ReadRows {
  const { columns, unmapped } = mapHeaders(table.headers, mapping);
  const headerOf = (column: ImportColumn) => columns.get(column)?.header ?? TEMPLATE_HEADERS[column];
  const result: ReadRows = { rows: [], errors: [], skipped: [], unmapped, mapping: {}, headerOf };
  for (const [column, { header }] of columns) result.mapping[header] = column;
  if (!columns.has('title'))
    result.errors.push({ row: 1, column: TEMPLATE_HEADERS.title, message: 'No Title column: map one of the headers to Title.' });
  if (!columns.has('rowId'))
    result.errors.push({ row: 1, column: TEMPLATE_HEADERS.rowId, message: 'No Row ID column: map one of the headers to Row ID.' });
  if (result.errors.length > 0) return result;

  table.records.forEach((record, i) => {
    const row = i + 2;
    const cell = (column: ImportColumn) => {
      const position = columns.get(column);
      return position ? (record[position.index] ?? '') : '';
    };
    if (record.every((value) => value.trim() === '')) return;
    const errors: RowError[] = [];
    const take = <T>(column: ImportColumn, parsed: CellResult<T>, fallback: T): T => {
      if (parsed.ok) return parsed.value;
      errors.push({ row, column: headerOf(column), message: parsed.message });
      return fallback;
    };
    const rowId = cell('rowId').trim();
    const title = textCell(cell('title'));
    const numbers = Object.fromEntries(NUMBER_COLUMNS.map((c) => [c, take(c, numberCell(cell(c)), null)])) as Record<
      (typeof NUMBER_COLUMNS)[number],
      number | null
    >;
    const milestones = listCell(cell('milestones'));
    const typeText = cell('type').trim();
    const kindText = cell('kind').trim();
    const statedType = typeText === '' ? undefined : rowTypeOf(typeText);
    if (typeText !== '' && statedType === undefined)
      errors.push({ row, column: headerOf('type'), message: `"${typeText}" is not a type: write Objective or Key Result.` });
    if (statedType === 'skipped') {
      result.skipped.push({ row, rowId, type: typeText });
      return;
    }
    const looksMeasured = numbers.target !== null || milestones.length > 0 || kindText !== '';
    const type = statedType ?? (looksMeasured ? 'key_result' : 'objective');
    if (rowId === '') errors.push({ row, column: headerOf('rowId'), message: 'Every row needs a Row ID.' });
    if (title === null) errors.push({ row, column: headerOf('title'), message: 'Every row needs a title.' });
    const levelText = cell('level').trim();
    if (levelText !== '' && !isLevel(levelText))
      errors.push({ row, column: headerOf('level'), message: `"${levelText}" is not a level: write Company, Team or Individual.` });
    const objectiveTypeText = cell('objectiveType').trim();
    const objectiveType = objectiveTypeText === '' ? null : (objectiveTypeOf(objectiveTypeText) ?? null);
    if (objectiveTypeText !== '' && objectiveType === null)
      errors.push({
        row,
        column: headerOf('objectiveType'),
        message: `"${objectiveTypeText}" is not an objective type: write Committed or Aspirational.`,
      });
    const kind = kindText === '' ? null : (kindOf(kindText) ?? null);
    if (kindText !== '' && kind === null)
      errors.push({ row, column: headerOf('kind'), message: `"${kindText}" is not a kind: write Metric, Threshold, Milestone or Rollup.` });
    if (numbers.weight !== null && numbers.weight <= 0)
      errors.push({ row, column: headerOf('weight'), message: 'A weight must be above 0.' });
    const email = textCell(cell('ownerEmail'));
    if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      errors.push({ row, column: headerOf('ownerEmail'), message: `"${email}" is not an e-mail address.` });

    const cycleStart = take('cycleStart', dateCell(cell('cycleStart')), null);
    const cycleEnd = take('cycleEnd', dateCell(cell('cycleEnd')), null);
    const updatedAt = take('updatedAt', dateCell(cell('updatedAt')), null);
    result.errors.push(...errors);
    result.rows.push({
      row,
      rowId,
      parents: listCell(cell('parents')),
      type,
      title: title ?? '',
      description: textCell(cell('description')),
      team: textCell(cell('team')),
      ownerEmail: email?.toLowerCase() ?? null,
      cycle: textCell(cell('cycle')),
      cycleStart,
      cycleEnd,
      objectiveType,
      kind,
      unit: textCell(cell('unit')),
      ...numbers,
      milestones,
      updatedAt,
    });
  });
  return result;
}
