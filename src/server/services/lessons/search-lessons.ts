import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { LessonOutcome, LessonSourceKind } from '../../../domain/learning-vocabulary.js';
import { objectiveVisibleTo, visibleObjective, type Reader } from '../visibility/objective-visible.js';

export interface LessonQuery {
  q?: string;
  /** `all` (the default): every word must match, as in a search box; `any`: lessons sharing any word, best first. */
  match?: 'all' | 'any';
  teamId?: string;
  cycleId?: string;
  outcome?: LessonOutcome;
  tag?: string;
  limit?: number;
}

export interface HighlightPart {
  text: string;
  match: boolean;
}

export interface FoundLesson {
  id: string;
  text: string;
  tags: string[];
  teamId: string | null;
  teamName: string | null;
  cycleId: string;
  cycleName: string;
  objectiveId: string | null;
  objectiveTitle: string | null;
  outcome: LessonOutcome | null;
  authorId: string | null;
  authorName: string | null;
  sourceKind: LessonSourceKind;
  sourceId: string;
  createdAt: Date;
  rank: number;
  highlight: HighlightPart[];
}

// ts_headline marks matches with these; control characters never survive input sanitising, so they cannot clash
// with a lesson's own text, and the parts go to the browser as data, never as HTML.
const START = '\u0002';
const STOP = '\u0003';

/** "ship, fast!" → "ship or fast": websearch syntax that matches lessons sharing any of the words. */
const anyOf = (q: string) =>
  q
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
    .slice(0, 30)
    .join(' or ');

export function highlightParts(headline: string): HighlightPart[] {
  return headline
    .split(START)
    .flatMap((chunk, i) => {
      if (i === 0) return [{ text: chunk, match: false }];
      const [matched = '', rest = ''] = chunk.split(STOP);
      return [
        { text: matched, match: true },
        { text: rest, match: false },
      ];
    })
    .filter((part) => part.text !== '');
}

/** Matches ranked per call before the reader's visibility is asked: several pages, so hidden lessons rarely run it dry. */
const RANKED_WINDOW_PAGES = 4;

type LessonRow = {
  id: string;
  text: string;
  tags: string[];
  team_id: string | null;
  team_name: string | null;
  cycle_id: string;
  cycle_name: string;
  objective_id: string | null;
  objective_title: string | null;
  outcome: LessonOutcome | null;
  author_id: string | null;
  author_name: string | null;
  source_kind: LessonSourceKind;
  source_id: string;
  created_at: string | Date;
  rank: number | string;
  headline: string;
};

/**
 * Lessons of the organisation, filtered, ranked by PostgreSQL full-text search (English stemming, `ts_rank`) when
 * there is a query, newest first otherwise; each with its text split into highlighted parts (`ts_headline`).
 *
 * The matches are ranked on narrow rows and only the best few pages are kept (a top-N sort, not a sort of every
 * match with its text: a common word matches thousands of lessons). Who may read a lesson is then asked of those in
 * rank order, only until the page is full (`offset 0` keeps PostgreSQL from pushing the condition below the sort, or
 * hashing it over every objective of the organisation's history, docs/performance.md). Should the kept matches not
 * fill the page (too few matches, or most of them hidden from the reader), the search runs again over all matches,
 * so the answer is always the first visible lessons in rank order. Headlines are made for the returned page only.
 */
export async function searchLessons(db: Executor, reader: Reader, query: LessonQuery): Promise<FoundLesson[]> {
  const limit = Math.min(query.limit ?? 50, 100);
  const window = limit * RANKED_WINDOW_PAGES;
  let rows = await queryRows<LessonRow>(db, lessonsPage(reader, query, limit, window));
  // A short page: fewer matches than the window (the same answer, asked again cheaply) or mostly hidden ones.
  if (rows.length < limit) rows = await queryRows<LessonRow>(db, lessonsPage(reader, query, limit, null));
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    tags: row.tags,
    teamId: row.team_id,
    teamName: row.team_name,
    cycleId: row.cycle_id,
    cycleName: row.cycle_name,
    objectiveId: row.objective_id,
    objectiveTitle: row.objective_title,
    outcome: row.outcome,
    authorId: row.author_id,
    authorName: row.author_name,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    createdAt: new Date(row.created_at),
    rank: Number(row.rank),
    highlight: highlightParts(row.headline),
  }));
}

/** The statement for one page: the best `window` matches (all of them when null), the visible ones of those, joined. */
function lessonsPage(reader: Reader, query: LessonQuery, limit: number, window: number | null): SQL {
  const text = query.q?.trim() ?? '';
  const words = query.match === 'any' ? anyOf(text) : text;
  const tsquery = words ? sql`websearch_to_tsquery('english', ${words})` : null;
  // A lesson learned on an objective the reader cannot see is hidden with it (text, snippet and count).
  const filters: SQL[] = [sql`l.org_id = ${reader.orgId}`];
  // A lateral probe by primary key, kept from being flattened (`offset 0`): as a plain EXISTS, PostgreSQL may hash it
  // and judge every objective of the organisation's history (50,000 at 10,000 people) to keep 50 lessons.
  const visibleProbe = sql`left join lateral (select 1 as ok from objectives vo where ${visibleObjective.id} = r.objective_id
    and ${objectiveVisibleTo(reader, visibleObjective)} offset 0) v on true`;
  if (tsquery) filters.push(sql`l.search @@ ${tsquery}`);
  if (query.teamId) filters.push(sql`l.team_id = ${query.teamId}`);
  if (query.cycleId) filters.push(sql`l.cycle_id = ${query.cycleId}`);
  if (query.outcome) filters.push(sql`l.outcome = ${query.outcome}`);
  if (query.tag) filters.push(sql`l.tags @> array[${query.tag.trim().replace(/^#+/, '').toLowerCase()}]::text[]`);
  const rank = tsquery ? sql`ts_rank(l.search, ${tsquery})` : sql`0`;
  const headline = tsquery
    ? sql`ts_headline('english', l.text, ${tsquery}, ${`StartSel=${START}, StopSel=${STOP}, HighlightAll=true`})`
    : sql`l.text`;
  // The window's rows come out of its top-N sort in rank order, so the page's limit stops the probes once it is full.
  return sql`
    with page as (
      select r.* from (
        select l.id, l.objective_id, l.created_at, ${rank} as rank
        from lessons l
        where ${sql.join(filters, sql` and `)}
        order by rank desc, l.created_at desc, l.id
        ${window === null ? sql`offset 0` : sql`limit ${window}`}
      ) r
      ${visibleProbe}
      where r.objective_id is null or v.ok is not null
      order by r.rank desc, r.created_at desc, r.id
      limit ${limit}
    )
    select l.id, l.text, l.tags, l.team_id, t.name as team_name, l.cycle_id, c.name as cycle_name,
      l.objective_id, o.title as objective_title, l.outcome, l.author_id, u.name as author_name,
      l.source_kind, l.source_id, l.created_at, page.rank, ${headline} as headline
    from page
    join lessons l on l.org_id = ${reader.orgId} and l.id = page.id
    join cycles c on c.org_id = l.org_id and c.id = l.cycle_id
    left join teams t on t.org_id = l.org_id and t.id = l.team_id
    left join objectives o on o.org_id = l.org_id and o.id = l.objective_id
    left join users u on u.org_id = l.org_id and u.id = l.author_id
    order by page.rank desc, page.created_at desc, page.id`;
}
