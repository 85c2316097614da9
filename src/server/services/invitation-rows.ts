import { parse } from 'csv-parse/sync';
import { invalid } from '../errors.js';
import { emailField } from '../fields.js';
import { normalizeEmail } from './create-account.js';

/** One person to invite, as pasted or read from a CSV line, before anything is looked up. */
export interface InvitationRow {
  name?: string | null;
  email: string;
  team?: string | null;
  role?: string | null;
  lead?: string | boolean | null;
}

/** What a row means once its own content is checked; `problem` names why it cannot be invited. */
export interface CheckedRow {
  row: number;
  email: string;
  name: string | null;
  team: string | null;
  role: 'admin' | 'member';
  lead: boolean;
  problem?: 'invalid_email' | 'invalid_role' | 'invalid_lead' | 'duplicate';
}

const COLUMNS = ['name', 'email', 'team', 'role', 'lead'] as const;
const YES = new Set(['yes', 'y', 'true', '1', 'lead', 'x']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'member']);
const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/**
 * A CSV of name, e-mail, team, role and lead (yes/no). A first line naming an "email" column is a header and
 * sets the order (unknown columns are ignored); without one the columns come in that order.
 */
export function rowsOfCsv(csv: string): InvitationRow[] {
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw invalid('csv', `This is not a CSV file we can read: ${error instanceof Error ? error.message : 'unknown error'}.`);
  }
  const header = records[0]?.map((cell) => cell.toLowerCase().replace(/[^a-z]/g, ''));
  const hasHeader = header?.includes('email') ?? false;
  const order = hasHeader ? header!.map((cell) => (cell === 'emailaddress' ? 'email' : cell)) : [...COLUMNS];
  return records.slice(hasHeader ? 1 : 0).map((record) => {
    const cell = (column: (typeof COLUMNS)[number]) => {
      const at = order.indexOf(column);
      return at >= 0 ? (record[at] ?? null) : null;
    };
    return { name: cell('name'), email: cell('email') ?? '', team: cell('team'), role: cell('role'), lead: cell('lead') };
  });
}

/** Checks each row on its own and against the rows before it (rows are numbered from 1). */
export function checkRows(rows: InvitationRow[]): CheckedRow[] {
  const seen = new Set<string>();
  return rows.map((input, index) => {
    const email = normalizeEmail(input.email ?? '');
    const role = (blankToNull(input.role) ?? 'member').toLowerCase();
    const leadText = typeof input.lead === 'boolean' ? (input.lead ? 'yes' : 'no') : (input.lead ?? '').trim().toLowerCase();
    const row: CheckedRow = {
      row: index + 1,
      email,
      name: blankToNull(input.name)?.slice(0, 120) ?? null,
      team: blankToNull(input.team),
      role: role === 'admin' ? 'admin' : 'member',
      lead: YES.has(leadText),
    };
    if (!emailField.safeParse(email).success) return { ...row, problem: 'invalid_email' };
    if (role !== 'admin' && role !== 'member') return { ...row, problem: 'invalid_role' };
    if (!YES.has(leadText) && !NO.has(leadText)) return { ...row, problem: 'invalid_lead' };
    if (seen.has(email)) return { ...row, problem: 'duplicate' };
    seen.add(email);
    return row;
  });
}
