/**
 * Reading a pasted column or a CSV file of dated KPI values, row by row, so a preview can show every row's problem
 * before anything is stored. Cells arrive already split (the service uses csv-parse); this decides what they mean.
 */

export interface BulkRow {
  /** 1-based line in what the person pasted or uploaded. */
  line: number;
  asOf: string;
  value: number;
  note: string | null;
}

export interface BulkRowError {
  line: number;
  field: 'asOf' | 'value';
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** "1 234,5" and "1234.5" both mean 1234.5; a trailing % or unit-less text is refused, not guessed. */
export function readNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const normalised = compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** A first row whose first cell is no date is a header ("date,value,note"). */
const isHeader = (cells: readonly string[]) => cells.length > 0 && !validDate(cells[0]!.trim()) && readNumber(cells[1] ?? '') === null;

/**
 * Each row is `date, value[, note]`; dates are YYYY-MM-DD, never after `today`, and appear once.
 * Returns the rows that can be stored and, separately, each refused row's reason.
 */
export function readDatedValues(rows: readonly (readonly string[])[], today: string): { rows: BulkRow[]; errors: BulkRowError[] } {
  const read: BulkRow[] = [];
  const errors: BulkRowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const line = index + 1;
    if (cells.every((c) => c.trim() === '')) return;
    if (index === 0 && isHeader(cells)) return;
    const asOf = (cells[0] ?? '').trim();
    const value = readNumber(cells[1] ?? '');
    if (!validDate(asOf)) errors.push({ line, field: 'asOf', message: `"${asOf}" is not a date as YYYY-MM-DD.` });
    else if (asOf > today) errors.push({ line, field: 'asOf', message: 'A value cannot be dated in the future.' });
    else if (seen.has(asOf)) errors.push({ line, field: 'asOf', message: `${asOf} is already on line ${seen.get(asOf)}.` });
    else if (value === null) errors.push({ line, field: 'value', message: `"${(cells[1] ?? '').trim()}" is not a number.` });
    else {
      seen.set(asOf, line);
      const note = cells.slice(2).join(', ').trim();
      read.push({ line, asOf, value, note: note === '' ? null : note });
    }
  });
  return { rows: read, errors };
}
