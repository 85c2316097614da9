/**
 * The team leaderboard (issue 14). Teams are ranked by what the organisation chooses — never by raw progress, which
 * rewards sandbagging: progress against pace, check-in discipline, or improvement against the team's own pace gap at
 * the same point of the previous cycle. Teams without a value for the measure are listed after the ranked ones.
 */
import type { LeaderboardMeasure } from '../vocabulary.js';

export interface LeaderboardTeam {
  teamId: string;
  name: string;
  /** Mean progress less mean expected progress (behind pace < 0). */
  paceGap: number;
  /** Share of due check-ins made on time; null when nothing was due yet. */
  onTimeShare: number | null;
  /** The pace gap at the same share of the previous cycle; null when the team had nothing then. */
  previousPaceGap: number | null;
}

export interface LeaderboardEntry {
  /** 1-based; equal values share a rank (1, 1, 3); null when the team has no value for the measure. */
  rank: number | null;
  teamId: string;
  name: string;
  value: number | null;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The team's value for a measure: higher is better for every measure. */
export function measureOf(team: LeaderboardTeam, measure: LeaderboardMeasure): number | null {
  switch (measure) {
    case 'pace':
      return round(team.paceGap);
    case 'discipline':
      return team.onTimeShare;
    case 'improvement':
      return team.previousPaceGap === null ? null : round(team.paceGap - team.previousPaceGap);
  }
}

/** Ranked best first (ties by name); teams without a value last, by name, unranked. */
export function rankLeaderboard(teams: readonly LeaderboardTeam[], measure: LeaderboardMeasure): LeaderboardEntry[] {
  const rows = teams.map((t) => ({ teamId: t.teamId, name: t.name, value: measureOf(t, measure) }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const valued = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value! || byName(a, b));
  const unvalued = rows.filter((r) => r.value === null).sort(byName);
  const ranked = valued.map((row, index) => ({ ...row, index }));
  return [
    ...ranked.map((row) => ({
      rank: ranked.findIndex((other) => other.value === row.value) + 1,
      teamId: row.teamId,
      name: row.name,
      value: row.value,
    })),
    ...unvalued.map((row) => ({ rank: null, ...row })),
  ];
}

/**
 * With names hidden, only the viewer's own teams keep theirs; the others are "Another team" so the ranking still
 * shows where one stands without naming who trails.
 */
export function hideOtherNames(entries: readonly LeaderboardEntry[], ownTeamIds: ReadonlySet<string>): LeaderboardEntry[] {
  return entries.map((e) => (ownTeamIds.has(e.teamId) ? e : { ...e, teamId: '', name: 'Another team' }));
}

/** The day of the previous cycle at the same share of its length as `date` is of the current one. */
export function sameMomentIn(
  current: { startDate: string; endDate: string },
  previous: { startDate: string; endDate: string },
  date: string,
): string {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const share = Math.min(1, Math.max(0, (day(date) - day(current.startDate)) / Math.max(1, day(current.endDate) - day(current.startDate))));
  const offset = Math.round(share * (day(previous.endDate) - day(previous.startDate)));
  return new Date((day(previous.startDate) + offset) * 86_400_000).toISOString().slice(0, 10);
}
