import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SheetTable } from '../../../domain/spreadsheet-import/index.js';
import { invalid } from '../../errors.js';

export type ImportFormat = 'csv' | 'xlsx';

/** An XLSX file is a ZIP archive: it starts with "PK\x03\x04". */
const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;

/** CSV is text: no NUL bytes, valid UTF-8. Anything else (a PDF, an image, an old .xls) is refused. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  return !new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes('\uFFFD');
}

export function formatOf(bytes: Buffer): ImportFormat {
  if (isZip(bytes)) return 'xlsx';
  if (isText(bytes)) return 'csv';
  throw invalid('file', 'The file is neither CSV nor XLSX: export your spreadsheet as .csv or .xlsx.');
}

export interface ReadSheet extends SheetTable {
  format: ImportFormat;
  /** When the file says it was last changed (an XLSX's document properties); rows may carry their own. */
  updatedAt: string | null;
}

/** Reads the first sheet of a CSV or XLSX file as text cells. */
export async function readSheet(bytes: Buffer): Promise<ReadSheet> {
  const format = formatOf(bytes);
  if (format === 'csv') return { format, updatedAt: null, ...readCsv(bytes.toString('utf8')) };
  return { format, ...(await readXlsx(bytes)) };
}

/** Semicolons separate columns in spreadsheets saved with a decimal comma: whichever the header uses more. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function readCsv(text: string): SheetTable {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw invalid('file', `The CSV cannot be read: ${(error as Error).message}`);
  }
  const [headers = [], ...records] = rows;
  return { headers, records };
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a person sees: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<SheetTable & { updatedAt: string | null }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('file', 'The XLSX file cannot be opened: save it again from your spreadsheet application.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('file', 'The XLSX file has no sheet.');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[number - 1] = values.map((v) => cellText(v as CellValue));
  });
  const [headers = [], ...records] = Array.from(rows, (r) => r ?? []);
  const modified = workbook.modified instanceof Date && !Number.isNaN(workbook.modified.getTime()) ? workbook.modified : null;
  return { headers, records, updatedAt: modified ? modified.toISOString().slice(0, 10) : null };
}
