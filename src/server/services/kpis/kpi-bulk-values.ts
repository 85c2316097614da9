import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { kpiValues } from '../../../db/schema/index.js';
import { readDatedValues, type BulkRow, type BulkRowError } from '../../../domain/kpi-bulk-values.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { invalid } from '../../errors.js';
import { valueOffScale } from '../../../domain/kpi-percent-scale.js';
import { authorizeKpiReport } from '../../policies/kpis.js';
import { writeAndAnnounce } from '../announce.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { loadKpiFor } from './kpi-reads.js';
import { storeKpiValues } from './kpi-values.js';

export interface BulkValuesInput {
  text: string;
  /** `paste` (a column copied from a sheet) or `csv` (an uploaded file): recorded as the values' source. */
  source: 'paste' | 'csv';
  dryRun: boolean;
}

export interface BulkValuesResult {
  rows: (BulkRow & { replaces: boolean })[];
  errors: BulkRowError[];
  applied: boolean;
}

/**
 * Cells of each line, split on the one separator the sheet used — tabs (a pasted column), else semicolons, else
 * commas — so a decimal comma ("99,7") in a tab- or semicolon-separated paste stays one number. Quotes as in CSV.
 */
function cellsOf(text: string): string[][] {
  const delimiter = text.includes('\t') ? '\t' : text.includes(';') ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    throw invalid('text', `This is not readable as rows of values: ${(error as Error).message}`);
  }
}

/**
 * Reads pasted or uploaded dated values; a dry run only previews them (with each refused row's reason). Applying
 * stores them all or none: with any refused row nothing is written, and the first problem is named.
 * A date already in the history is added again (the newest report of a day wins in health), and flagged.
 */
export async function importKpiValues(deps: ServiceDeps, actor: Actor, kpiId: string, input: BulkValuesInput): Promise<BulkValuesResult> {
  const cells = cellsOf(input.text);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { kpi, timeZone, relation } = await loadKpiFor(tx, actor, kpiId);
    authorizeKpiReport(actor, relation);
    const today = todayIn(timeZone, deps.clock());
    const read = readDatedValues(cells, today);
    // Values off a percent KPI's scale are refused line by line, like unreadable ones.
    const offScale = read.rows.flatMap((r) => {
      const message = valueOffScale(kpi, r.value);
      return message ? [{ line: r.line, field: 'value' as const, message }] : [];
    });
    const rows = read.rows.filter((r) => valueOffScale(kpi, r.value) === null);
    const errors = [...read.errors, ...offScale].sort((a, b) => a.line - b.line);
    const dates = rows.map((r) => r.asOf);
    const held = dates.length
      ? await tx
          .select({ asOf: kpiValues.asOf })
          .from(kpiValues)
          .where(
            and(eq(kpiValues.orgId, actor.orgId), eq(kpiValues.kpiId, kpiId), eq(kpiValues.deleted, false), inArray(kpiValues.asOf, dates)),
          )
      : [];
    const heldDates = new Set(held.map((h) => h.asOf));
    const preview = rows.map((r) => ({ ...r, replaces: heldDates.has(r.asOf) }));
    if (input.dryRun) return { rows: preview, errors, applied: false };
    const first = errors[0];
    if (first) throw invalid('text', `Line ${first.line}: ${first.message}`);
    if (rows.length === 0) throw invalid('text', 'There are no values to add.');
    await storeKpiValues(
      tx,
      deps,
      announce,
      kpi,
      rows.map(({ asOf, value, note }) => ({ asOf, value, note })),
      { reportedBy: actor.userId, source: input.source },
      today,
    );
    return { rows: preview, errors, applied: true };
  });
}
