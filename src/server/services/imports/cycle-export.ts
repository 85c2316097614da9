import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { alignments, checkIns, keyResults, objectives, teams, users } from '../../../db/schema/index.js';
import { TEMPLATE_COLUMNS, TEMPLATE_HEADERS, type ImportColumn } from '../../../domain/spreadsheet-import/index.js';
import { requireCycle } from '../okrs/cycles.js';
import { keyResultIdVisibleTo, objectiveIdVisibleTo, objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import ExcelJS from 'exceljs';

/** The template's columns (level is derived on import) plus the progress Cairn computed. */
const EXPORT_COLUMNS: ImportColumn[] = [...TEMPLATE_COLUMNS.filter((c) => c !== 'level'), 'progress'];
/** The export is the import template plus what Cairn computed, so an exported file imports again. */
export const CYCLE_EXPORT_HEADERS = [...EXPORT_COLUMNS.map((c) => TEMPLATE_HEADERS[c]), 'Score', 'Last Check-in'];

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const percent = (fraction: number) => String(Math.round(fraction * 1000) / 10);

/** A cycle's objectives and key results as rows (ids as Row IDs, alignments as parents), with progress, scores and owners. */
export async function cycleExportRows(db: Executor, reader: Reader, cycleId: string): Promise<string[][]> {
  const { orgId } = reader;
  const cycle = await requireCycle(db, orgId, cycleId);
  const objectiveRows = await db
    .select({ objective: objectives, team: teams.name, owner: users.email })
    .from(objectives)
    .leftJoin(teams, eq(teams.id, objectives.teamId))
    .leftJoin(users, eq(users.id, objectives.ownerId))
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId), objectiveVisibleTo(reader)))
    .orderBy(asc(objectives.createdAt));
  const ids = objectiveRows.map((r) => r.objective.id);
  const krRows = ids.length
    ? await db
        .select({ kr: keyResults, owner: users.email })
        .from(keyResults)
        .leftJoin(users, eq(users.id, keyResults.ownerId))
        .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, ids)))
        .orderBy(asc(keyResults.position))
    : [];
  const links = ids.length
    ? await db
        .select()
        .from(alignments)
        .where(
          and(
            eq(alignments.orgId, orgId),
            inArray(alignments.childObjectiveId, ids),
            // A parent the reader cannot see is not named, not even by its id.
            or(objectiveIdVisibleTo(reader, alignments.parentObjectiveId), keyResultIdVisibleTo(reader, alignments.parentKeyResultId)),
          ),
        )
    : [];
  const rows: string[][] = [];
  for (const { objective: o, team, owner } of objectiveRows) {
    const parents = links.filter((l) => l.childObjectiveId === o.id).map((l) => l.parentObjectiveId ?? l.parentKeyResultId!);
    rows.push([
      o.id,
      parents.join('; '),
      'Objective',
      o.title,
      text(o.description),
      text(team),
      text(owner),
      cycle.name,
      cycle.startDate,
      cycle.endDate,
      o.type,
      '',
      '',
      '',
      '',
      '',
      String(o.weight),
      '',
      percent(o.progress),
      text(o.score),
      '',
    ]);
    for (const { kr, owner: krOwner } of krRows.filter((r) => r.kr.objectiveId === o.id)) {
      const threshold = kr.kind === 'threshold';
      const current = kr.kind === 'milestone' ? String(kr.milestones?.filter((m) => m.done).length ?? 0) : text(kr.currentValue);
      rows.push([
        kr.id,
        o.id,
        'Key result',
        kr.title,
        '',
        '',
        text(krOwner),
        '',
        '',
        '',
        '',
        kr.kind,
        text(kr.unit),
        text(threshold ? kr.targetMin : kr.startValue),
        text(threshold ? kr.targetMax : kr.targetValue),
        current,
        String(kr.weight),
        kr.milestones?.map((m) => m.title).join('; ') ?? '',
        percent(kr.progress),
        text(kr.scoreOverride ?? kr.score),
        text(kr.lastCheckInDate),
      ]);
    }
  }
  return rows;
}

export const CHECK_IN_EXPORT_HEADERS = [
  'Check-in ID',
  'Key Result ID',
  'Key Result',
  'Objective ID',
  'As Of',
  'Value',
  'Milestones Done',
  'Confidence',
  'Author Email',
  'Note',
  'Blockers',
  'Created At',
  'Deleted',
];

/** Every check-in of a cycle's key results, corrections and deletions included (deleted ones are flagged). */
export async function cycleCheckInRows(db: Executor, reader: Reader, cycleId: string): Promise<string[][]> {
  const { orgId } = reader;
  await requireCycle(db, orgId, cycleId);
  const rows = await db
    .select({ c: checkIns, kr: keyResults.title, objectiveId: keyResults.objectiveId, author: users.email })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(and(eq(checkIns.orgId, orgId), eq(objectives.cycleId, cycleId), objectiveVisibleTo(reader)))
    .orderBy(asc(checkIns.asOf), asc(checkIns.createdAt));
  return rows.map(({ c, kr, objectiveId, author }) => [
    c.id,
    c.keyResultId,
    kr,
    objectiveId,
    c.asOf,
    text(c.value),
    c.milestonesDone ? String(c.milestonesDone.filter(Boolean).length) : '',
    text(c.confidence),
    text(author),
    text(c.note),
    text(c.blockers),
    c.createdAt.toISOString(),
    c.deleted ? 'yes' : '',
  ]);
}

/** A text a spreadsheet would run as a formula (=, @) is kept as text with a leading apostrophe. */
const defused = (cell: string) => (/^[=@]/.test(cell) ? `'${cell}` : cell);
const csvCell = (raw: string) => {
  const cell = defused(raw);
  return /[",;\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
};
/** CSV with CRLF line ends, quoting what needs it. */
export const toCsv = (headers: string[], rows: string[][]) => `${[headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** The same rows as an XLSX workbook with a bold, frozen header. */
export async function toXlsx(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cairn';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(defused));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
