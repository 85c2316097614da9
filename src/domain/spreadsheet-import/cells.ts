/** Reading one spreadsheet cell as a number, a date or a list, the way people type them. */

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** "1,234.5", "45 %", "-3" → numbers; an empty cell is null. */
export function numberCell(text: string): CellResult<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  const cleaned = trimmed.replace(/[\s,]/g, '').replace(/%$/, '');
  const value = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(value)) return fail(`"${trimmed}" is not a number.`);
  return ok(value);
}

/** YYYY-MM-DD (a date-time keeps its date part); an empty cell is null. */
export function dateCell(text: string): CellResult<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(trimmed);
  if (!match) return fail(`"${trimmed}" is not a date: write it as YYYY-MM-DD.`);
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return fail(`${day} is not a calendar date.`);
  return ok(day);
}

/** Several values in one cell, separated by new lines or semicolons. */
export const listCell = (text: string): string[] =>
  text
    .split(/[\n;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

const blank = (text: string) => text.trim() === '';
export const textCell = (text: string): string | null => (blank(text) ? null : text.trim());
