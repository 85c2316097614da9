import type { Row } from './document.js';

/**
 * Orders rows so that a row referenced by another row of the same table (a parent team, a manager,
 * the check-in a correction corrects) comes before it, so inserting them in chunks never points at a
 * row not yet written. Depth-first; such chains are short (team trees, correction chains).
 */
export function parentsFirst(rows: Row[], selfReferences: string[]): Row[] {
  if (selfReferences.length === 0) return rows;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered: Row[] = [];
  const seen = new Set<Row>();
  const place = (row: Row) => {
    if (seen.has(row)) return;
    seen.add(row);
    for (const column of selfReferences) {
      const parent = byId.get(row[column]);
      if (parent) place(parent);
    }
    ordered.push(row);
  };
  for (const row of rows) place(row);
  return ordered;
}
