import { reportGroups, type TeamNode } from './groups.js';

/** One team's part of a survey (teamId null: people in no team): its responses and the theme question's scores. */
export interface ThemeTally {
  teamId: string | null;
  /** Responses from the team: what the anonymity threshold counts. */
  responses: number;
  /** Scores given to the theme's question among them, and their sum. */
  answered: number;
  sum: number;
}

export interface ThemeScore {
  /** Mean score (1–5) with 2 decimals; null when nobody answered the question. */
  average: number | null;
  /** Responses behind the figure: every shown group it draws on. */
  responses: number;
  /** The shown groups it draws on (null: the organisation's own group). */
  groupIds: (string | null)[];
  /** Some of those responses come from teams outside the ones asked for (small groups merged upward). */
  merged: boolean;
}

/**
 * A theme's score (clarity, leadership support) for any set of teams, built only from the groups the results page
 * shows (./groups.ts): a team below the threshold gets the score of the group it is merged into, a set of teams (a
 * department, a leader's teams) the pooled score of the groups its teams are shown in. Shown groups are disjoint and
 * each is published on its own, so no combination of them reveals a group that is never shown.
 */
export function themeScores(teams: readonly TeamNode[], tallies: readonly ThemeTally[], minimum: number) {
  const { shownAs, counts } = reportGroups(teams, new Map(tallies.map((t) => [t.teamId, t.responses])), minimum);
  const pooled = new Map<string | null, { sum: number; answered: number; from: Set<string | null> }>();
  for (const tally of tallies) {
    const group = shownAs.get(tally.teamId);
    if (group === undefined || tally.responses === 0) continue;
    const into = pooled.get(group) ?? { sum: 0, answered: 0, from: new Set<string | null>() };
    into.sum += tally.sum;
    into.answered += tally.answered;
    into.from.add(tally.teamId);
    pooled.set(group, into);
  }
  return (teamIds: readonly (string | null)[]): ThemeScore | null => {
    const asked = new Set(teamIds);
    const groupIds = [...new Set(teamIds.map((id) => shownAs.get(id)))].filter(
      (group): group is string | null => group !== undefined && counts.has(group),
    );
    if (groupIds.length === 0) return null;
    let sum = 0;
    let answered = 0;
    let responses = 0;
    let merged = false;
    for (const group of groupIds) {
      responses += counts.get(group) ?? 0;
      const part = pooled.get(group);
      if (!part) continue;
      sum += part.sum;
      answered += part.answered;
      if ([...part.from].some((teamId) => !asked.has(teamId))) merged = true;
    }
    return { average: answered === 0 ? null : Math.round((sum / answered) * 100) / 100, responses, groupIds, merged };
  };
}
