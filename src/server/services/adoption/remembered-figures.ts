import type { trendOf, WeekFigures } from '../../../domain/adoption/index.js';
import type { ThemeScore } from '../../../domain/surveys/theme-scores.js';

/**
 * Groups' figures remembered between reports, as the heatmap remembers its teams' figures: a report of an unchanged
 * organisation answers from memory instead of summing ~2,000 overlapping groups over ~1,000 teams. An entry's key is
 * a digest of everything the figures are computed from (team-fingerprints.ts), so a write that changes any of it
 * gives a new key and the old entry is never read again; it ages out of the memory, which holds the most recently used
 * entries up to a bound. Figures are the same for every reader allowed to read the report (the reader's scope only
 * chooses which groups are shown), so no reader's scope is part of the key.
 */
class RecentlyUsed<T> {
  private readonly entries = new Map<string, T>();
  private held = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (value: T) => number,
  ) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Moved to the end: the Map's order is the order of use, oldest first.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      this.held -= this.weigh(known);
    }
    this.entries.set(key, value);
    this.held += this.weigh(value);
    for (const [oldest, old] of this.entries) {
      if (this.held <= this.limit) break;
      this.entries.delete(oldest);
      this.held -= this.weigh(old);
    }
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}

export interface GroupWeeks {
  readonly weeks: WeekFigures[];
  readonly trend: ReturnType<typeof trendOf>;
}

export interface GroupSurveyScores {
  readonly clarity: ThemeScore | null;
  readonly leadershipSupport: ThemeScore | null;
}

/**
 * Bounded by weeks of figures held (about half a kilobyte each): 60,000 is two reports of a quarter (or one of half a
 * year) of a 1,000-team organisation, some 30 MB.
 */
const WEEKS_HELD = 60_000;
/** Survey scores are a few small objects per group. */
const SCORES_HELD = 20_000;

export const rememberedWeeks = new RecentlyUsed<GroupWeeks>(WEEKS_HELD, (g) => Math.max(1, g.weeks.length));
export const rememberedScores = new RecentlyUsed<GroupSurveyScores>(SCORES_HELD, () => 1);

/** Drops every remembered figure (tests compare a remembered report with one counted from scratch). */
export function forgetAdoptionFigures(): void {
  rememberedWeeks.clear();
  rememberedScores.clear();
}
