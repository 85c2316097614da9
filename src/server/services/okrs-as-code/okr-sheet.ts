import { TEMPLATE_COLUMNS, TEMPLATE_HEADERS, type ImportColumn, type SheetTable } from '../../../domain/spreadsheet-import/index.js';
import type { OkrDocument } from './okr-yaml.js';

type Row = Partial<Record<ImportColumn, string>>;

const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));

/**
 * An OKRs-as-code file as the import template's rows: each key is a Row ID, an objective's `alignsTo` its
 * parents, a key result's parent its objective. So `okrs apply` plans and writes through the same import
 * that spreadsheets use, with the same rules and row-precise errors (rows numbered in file order).
 */
export function okrDocumentAsSheet(document: OkrDocument): SheetTable {
  const { cycle } = document;
  const rows: Row[] = document.objectives.flatMap((objective) => [
    {
      rowId: objective.key,
      parents: objective.alignsTo.join(';'),
      type: 'Objective',
      title: objective.title,
      description: objective.description ?? '',
      level: objective.level,
      team: objective.team ?? '',
      ownerEmail: objective.owner ?? '',
      cycle: cycle.name,
      cycleStart: cycle.start ?? '',
      cycleEnd: cycle.end ?? '',
      objectiveType: objective.type,
      weight: text(objective.weight),
    },
    ...objective.keyResults.map((kr): Row => ({
      rowId: kr.key,
      parents: objective.key,
      type: 'Key result',
      title: kr.title,
      ownerEmail: kr.owner ?? '',
      kind: kr.kind,
      unit: kr.unit ?? '',
      start: text(kr.start),
      target: text(kr.target),
      current: text(kr.current),
      weight: text(kr.weight),
      milestones: (kr.milestones ?? []).join(';'),
    })),
  ]);
  return {
    headers: TEMPLATE_COLUMNS.map((column) => TEMPLATE_HEADERS[column]),
    records: rows.map((row) => TEMPLATE_COLUMNS.map((column) => row[column] ?? '')),
  };
}

/** Where a row of the sheet came from in the file, to name it in errors by key rather than by row number. */
export function keyOfRow(document: OkrDocument, row: number): string | undefined {
  const keys = document.objectives.flatMap((o) => [o.key, ...o.keyResults.map((kr) => kr.key)]);
  return keys[row - 2];
}
