import { keyResultProgress } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { notFound } from '../../errors.js';
import { measureOf } from '../okrs/measure.js';
import { requireVisibleObjective } from '../okrs/objectives.js';
import type { Reader } from '../visibility/objective-visible.js';
import { findTeam } from '../teams.js';
import type { RelevanceReason } from '../../../domain/feed-relevance.js';
import { readerRows } from './feed-for-reader.js';
import { feedRows, type FeedFilters, type FeedRow } from './feed-query.js';
import { excerpt, plainText } from './mentions.js';
import { reactionSummaries, type ReactionSummary, type ReactionTarget } from './reactions.js';

export type FeedKind =
  | 'check_in'
  | 'celebration'
  | 'objective_achieved'
  | 'objective_created'
  | 'status_changed'
  | 'objective_closed'
  | 'cycle_closed'
  | 'comment'
  | 'meeting_update';

export interface FeedItem {
  id: string;
  kind: FeedKind;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  objective: { id: string; title: string; teamId: string | null; teamName: string | null } | null;
  keyResult: { id: string; title: string } | null;
  checkIn: {
    id: string;
    value: number | null;
    confidence: number | null;
    note: string | null;
    blockers: string | null;
    progressBefore: number | null;
    progressAfter: number | null;
  } | null;
  status: { from: string | null; to: string } | null;
  comment: { id: string; excerpt: string; on: string } | null;
  cycle: { id: string; name: string } | null;
  /** A participant's part posted to an asynchronous meeting (one-on-ones stay out of the feed). */
  meeting: {
    id: string;
    title: string;
    kind: string;
    update: string;
    confidence: number | null;
    blockers: string | null;
    commitments: string | null;
  } | null;
  /** Why the item matters to the reader (`order=for_me`); empty in the plain timeline. */
  reasons: RelevanceReason[];
  /** What the item's reactions belong to: a check-in (check-ins and celebrations) or a comment. */
  reactionTarget: { type: ReactionTarget; id: string } | null;
  reactions: ReactionSummary[];
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The progress a check-in's values stand for (roll-ups have none of their own). */
function progressOf(row: FeedRow, after: Record<string, unknown>): number | null {
  if (!row.kind || row.kind === 'rollup') return null;
  try {
    const kr = {
      kind: row.kind,
      startValue: row.start_value,
      targetValue: row.target_value,
      targetMin: row.target_min,
      targetMax: row.target_max,
      milestones: row.milestones,
    };
    return keyResultProgress(
      measureOf(kr, {
        value: num(after.value),
        milestonesDone: Array.isArray(after.milestonesDone) ? (after.milestonesDone as boolean[]) : null,
      }),
    ).progress;
  } catch {
    return null; // a key result changed since into something its old check-in no longer fits
  }
}

function kindOf(row: FeedRow): FeedKind {
  if (row.action === 'check_in.created') return 'check_in';
  if (row.action === 'key_result.target-reached') return 'celebration';
  if (row.action === 'comment.created') return 'comment';
  if (row.action === 'objective.achieved') return 'objective_achieved';
  if (row.action === 'cycle.closed') return 'cycle_closed';
  if (row.action === 'objective.created') return 'objective_created';
  if (row.action === 'meeting.update_posted') return 'meeting_update';
  return row.after?.status === 'closed' ? 'objective_closed' : 'status_changed';
}

function toItem(row: FeedRow): Omit<FeedItem, 'reactions' | 'reasons'> {
  const kind = kindOf(row);
  const before = row.before ?? {};
  const after = row.after ?? {};
  const checkIn = row.check_in_id
    ? {
        id: row.check_in_id,
        value: num(after.value),
        confidence: kind === 'check_in' ? num(after.confidence) : null,
        note: kind === 'check_in' ? str(after.note) : null,
        blockers: kind === 'check_in' && str(after.blockers) ? plainText(str(after.blockers)!) : null,
        progressBefore: num(before.progress),
        progressAfter: kind === 'celebration' ? num(after.progress) : progressOf(row, after),
      }
    : null;
  return {
    id: row.id,
    kind,
    createdAt: new Date(row.created_at),
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    objective: row.objective_id
      ? { id: row.objective_id, title: row.objective_title ?? '', teamId: row.team_id, teamName: row.team_name }
      : null,
    keyResult: row.key_result_id ? { id: row.key_result_id, title: row.key_result_title ?? '' } : null,
    checkIn,
    status: kind === 'status_changed' || kind === 'objective_closed' ? { from: str(before.status), to: str(after.status) ?? '' } : null,
    comment:
      kind === 'comment'
        ? { id: row.entity_id, excerpt: excerpt(row.comment_body ?? ''), on: row.comment_target_type ?? 'objective' }
        : null,
    cycle:
      kind === 'cycle_closed'
        ? { id: row.entity_id, name: row.cycle_name ?? '' }
        : kind === 'objective_achieved'
          ? { id: str(after.cycleId) ?? '', name: row.cycle_name ?? '' }
          : null,
    meeting:
      kind === 'meeting_update' && row.meeting_id
        ? {
            id: row.meeting_id,
            title: row.meeting_title ?? '',
            kind: row.meeting_kind ?? '',
            update: str(after.update) ?? '',
            confidence: num(after.confidence),
            blockers: str(after.blockers) ? plainText(str(after.blockers)!) : null,
            commitments: str(after.commitments),
          }
        : null,
    reactionTarget: checkIn ? { type: 'check_in', id: checkIn.id } : kind === 'comment' ? { type: 'comment', id: row.entity_id } : null,
  };
}

export type FeedOrder = 'timeline' | 'for_me';

/** A page of the feed with the viewer's view of each item's reactions; 404 for another organisation's team or objective. */
export async function readFeed(
  tx: Executor,
  reader: Reader,
  filters: FeedFilters & { order?: FeedOrder },
  now: Date,
): Promise<{ items: FeedItem[]; nextBefore: string | null }> {
  const { orgId, userId: viewerId } = reader;
  if (filters.teamId && !(await findTeam(tx, orgId, filters.teamId))) throw notFound('The team', 'teamId');
  if (filters.objectiveId) await requireVisibleObjective(tx, reader, filters.objectiveId, 'objectiveId');
  const page = filters.order === 'for_me' ? await readerPage(tx, reader, filters, now) : await timelinePage(tx, reader, filters);
  const items = page.items;
  const ids = (type: ReactionTarget) => [...new Set(items.filter((i) => i.reactionTarget?.type === type).map((i) => i.reactionTarget!.id))];
  const onCheckIns = await reactionSummaries(tx, 'check_in', ids('check_in'), viewerId);
  const onComments = await reactionSummaries(tx, 'comment', ids('comment'), viewerId);
  const withReactions = items.map((item) => ({
    ...item,
    reactions: (item.reactionTarget?.type === 'check_in' ? onCheckIns : onComments).get(item.reactionTarget?.id ?? '') ?? [],
  }));
  return { items: withReactions, nextBefore: page.nextBefore };
}

/** Newest first, continuing after `before`. */
async function timelinePage(tx: Executor, reader: Reader, filters: FeedFilters) {
  const rows = await feedRows(tx, reader, { ...filters, reader: undefined, limit: filters.limit + 1 });
  const items = rows.slice(0, filters.limit).map((row) => ({ ...toItem(row), reasons: [] }));
  return { items, nextBefore: rows.length > filters.limit ? items[items.length - 1]!.id : null };
}

/** The recent news ordered for the reader: mentions, their own, what they depend on or contribute to, their team's; at risk first. */
async function readerPage(tx: Executor, reader: Reader, filters: FeedFilters, now: Date) {
  const { page, more } = await readerRows(tx, reader, filters, now);
  const items = page.map(({ row, reasons }) => ({ ...toItem(row), reasons }));
  return { items, nextBefore: more ? items[items.length - 1]!.id : null };
}
