import ExcelJS from 'exceljs';
import { quarterDates, TEMPLATE_COLUMNS, TEMPLATE_HEADERS, type ImportColumn } from '../../../domain/spreadsheet-import/index.js';

/** Example rows in the quarter of `today`, showing each convention once; people replace them with their own. */
function exampleRows(today: string): Partial<Record<ImportColumn, string>>[] {
  const quarter = `Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1} ${today.slice(0, 4)}`;
  const dates = quarterDates(quarter)!;
  const cycle = { cycle: quarter, cycleStart: dates.startDate, cycleEnd: dates.endDate };
  return [
    {
      rowId: 'O1',
      type: 'Objective',
      title: 'Delight our customers',
      description: 'Why it matters, in a sentence',
      level: 'Company',
      ...cycle,
      objectiveType: 'Committed',
      weight: '1',
    },
    {
      rowId: 'K1',
      parents: 'O1',
      type: 'Key result',
      title: 'Raise NPS from 30 to 45',
      kind: 'Metric',
      unit: 'points',
      start: '30',
      target: '45',
      current: '34',
      weight: '1',
    },
    {
      rowId: 'K2',
      parents: 'O1',
      type: 'Key result',
      title: 'Ship the new onboarding',
      kind: 'Milestone',
      current: '1',
      milestones: 'Design; Beta; Launch',
    },
    {
      rowId: 'O2',
      parents: 'O1; K1',
      type: 'Objective',
      title: 'Answer every ticket within a day',
      level: 'Team',
      team: 'Support',
      ...cycle,
      objectiveType: 'Aspirational',
    },
    {
      rowId: 'K3',
      parents: 'O2',
      type: 'Key result',
      title: 'Median first response under 4 hours',
      kind: 'Metric',
      unit: 'hours',
      start: '9',
      target: '4',
    },
  ];
}

const csvCell = (text: string) => (/[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The import template as CSV: the headers and the example rows. */
export function templateCsv(today: string): string {
  const lines = [
    TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADERS[c]),
    ...exampleRows(today).map((row) => TEMPLATE_COLUMNS.map((c) => row[c] ?? '')),
  ];
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The import template as XLSX, with a frozen header row. */
export async function templateXlsx(today: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cairn';
  const sheet = workbook.addWorksheet('OKRs', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({
    header: TEMPLATE_HEADERS[c],
    key: c,
    width: c === 'title' || c === 'description' ? 40 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of exampleRows(today)) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
