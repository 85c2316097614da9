import { expectedProgress, progressStatus, type StatusMargins } from '../../../domain/index.js';
import { orderForReader, type RelevanceReason } from '../../../domain/feed-relevance.js';
import type { Executor } from '../../../db/database.js';
import { todayIn } from '../../clock.js';
import { loadStatusMargins } from '../okrs/status-margins.js';
import { organizations } from '../../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { Reader } from '../visibility/objective-visible.js';
import { feedRows, type FeedFilters, type FeedRow, type ReaderColumns } from './feed-query.js';

/** The reader's ordering ranks the news of the last two weeks (at most this many items), not all history. */
export const FOR_ME_DAYS = 14;
export const FOR_ME_MAX_ITEMS = 500;

type ReaderRow = FeedRow & Partial<ReaderColumns>;

/** Is the item's objective, as of today, behind pace (at risk or off track)? Closed and draft objectives are not. */
function atRisk(row: ReaderRow, today: string, margins: StatusMargins): boolean {
  if (row.objective_status !== 'active' || row.objective_progress == null || !row.cycle_start || !row.cycle_end) return false;
  const cycle = { startDate: row.cycle_start, endDate: row.cycle_end };
  return progressStatus(row.objective_progress, expectedProgress(cycle, today, row.objective_start), margins) !== 'on_track';
}

export function reasonsOf(row: ReaderRow, today: string, margins: StatusMargins): RelevanceReason[] {
  const reasons: RelevanceReason[] = [];
  if (row.is_mention) reasons.push('mention');
  if (row.is_mine) reasons.push('mine');
  if (row.is_depending) reasons.push('depending');
  if (row.is_contributing) reasons.push('contributing');
  if (row.is_team) reasons.push('team');
  if (atRisk(row, today, margins)) reasons.push('at_risk');
  return reasons;
}

/**
 * The recent news ranked for one reader (src/domain/feed-relevance.ts), paged by position: `before` is the last item
 * of the previous page in this same order.
 */
export async function readerRows(tx: Executor, reader: Reader, filters: FeedFilters, now: Date) {
  const orgId = reader.orgId;
  const since = new Date(now.getTime() - FOR_ME_DAYS * 86_400_000);
  const rows = await feedRows(tx, reader, { ...filters, before: undefined, reader: reader.userId, since, limit: FOR_ME_MAX_ITEMS });
  const margins = await loadStatusMargins(tx, orgId);
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  const today = todayIn(org?.timeZone ?? 'UTC', now);
  const ranked = orderForReader(
    rows.map((row) => ({ id: row.id, createdAt: new Date(row.created_at), reasons: reasonsOf(row, today, margins), row })),
  );
  const start = filters.before ? ranked.findIndex((r) => r.id === filters.before) + 1 : 0;
  // An id not in this window (or no longer in it) ends the reading rather than starting over.
  const page = start === 0 && filters.before ? [] : ranked.slice(start, start + filters.limit);
  return { page, more: start + filters.limit < ranked.length && page.length > 0 };
}
