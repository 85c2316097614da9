import { reportGroups, type TeamNode } from './groups.js';

/** One round's scores for one question, summed per respondent team (null: people in no team). */
export interface TrendTally {
  teamId: string | null;
  position: number;
  theme: string | null;
  answered: number;
  sum: number;
}

export interface TrendFigures {
  /** Responses the averages are taken over: those of the groups the round's results show, nothing else. */
  counted: number;
  averages: { position: number; theme: string | null; average: number }[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A round's trend figures, over the responses of shown groups only. Why: an average over every response, set beside
 * the shown groups' own figures, gives the responses left out by subtraction (total − Σ shown) — a group below the
 * threshold. Taken over the shown groups alone, the trend is a weighted mean of figures already on the results page,
 * so it cannot reveal anything they do not; the responses of hidden groups never enter it.
 */
export function trendFigures(
  teams: readonly TeamNode[],
  responsesByTeam: ReadonlyMap<string | null, number>,
  tallies: readonly TrendTally[],
  minimum: number,
): TrendFigures {
  const { shownAs } = reportGroups(teams, responsesByTeam, minimum);
  const shown = (teamId: string | null) => shownAs.get(teamId) !== undefined;
  let counted = 0;
  for (const [teamId, n] of responsesByTeam) if (shown(teamId)) counted += n;
  const byQuestion = new Map<number, { theme: string | null; answered: number; sum: number }>();
  for (const tally of tallies) {
    if (!shown(tally.teamId)) continue;
    const at = byQuestion.get(tally.position) ?? { theme: tally.theme, answered: 0, sum: 0 };
    byQuestion.set(tally.position, { theme: at.theme, answered: at.answered + tally.answered, sum: at.sum + tally.sum });
  }
  const averages = [...byQuestion]
    .filter(([, q]) => q.answered > 0)
    .sort(([a], [b]) => a - b)
    .map(([position, q]) => ({ position, theme: q.theme, average: round2(q.sum / q.answered) }));
  return { counted, averages };
}
