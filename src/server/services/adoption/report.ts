import {
  fallsBehind,
  latest,
  tableGroupCounter,
  trendOf,
  weeksBetween,
  type AdoptionClock,
  type WeekFigures,
} from '../../../domain/adoption/index.js';
import { addDays, daysBetween } from '../../../domain/dates.js';
import type { ThemeScore } from '../../../domain/surveys/theme-scores.js';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn, type Clock } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeAdoption } from '../../policies/rollout.js';
import { loadRhythm } from '../rhythm/settings.js';
import { latestThemeScores, type ThemeSource } from '../surveys/theme-scores.js';
import { rememberedScores, rememberedWeeks } from './remembered-figures.js';
import { countTeams, readTeamInputs, type TeamInputs } from './team-counts.js';
import { subtreeOf } from './team-facts.js';
import { baseKey, digest, groupKey, teamFingerprints } from './team-fingerprints.js';

/** At most a year of weeks per request. */
export const MAX_ADOPTION_DAYS = 371;

export interface AdoptionGroup {
  id: string;
  name: string;
  kind: 'organisation' | 'department' | 'team' | 'leader' | 'pilot' | 'non_pilot';
  inPilot: boolean;
  weeks: WeekFigures[];
  trend: ReturnType<typeof trendOf>;
  /** Leaders only: their teams fall behind on involvement (shown to the champion). */
  flagged: boolean;
  /** Clarity and leadership support from the latest survey asking each, under the anonymity threshold. */
  surveyScores: { clarity: ThemeScore | null; leadershipSupport: ThemeScore | null };
}

export interface AdoptionQuery {
  from: string;
  to: string;
  teamId?: string;
}

/**
 * Adoption figures per team, department, leader, the pilot and the rest, week by week over [from, to].
 * Owners, admins and champions only (they judge teams and leaders). With teamId: that team's subtree.
 */
export async function adoptionReport(deps: { db: Executor; clock: Clock }, actor: Actor, query: AdoptionQuery) {
  authorizeAdoption(actor);
  return adoptionFigures(deps, actor.orgId, query);
}

/** The figures themselves, for the report and for the system (the rollout objective's proposed values). */
export async function adoptionFigures(deps: { db: Executor; clock: Clock }, orgId: string, query: AdoptionQuery) {
  const { from, to } = query;
  if (to < from) throw invalid('to', 'The range ends before it starts.');
  if (daysBetween(from, to) > MAX_ADOPTION_DAYS) throw invalid('to', `The range may span at most ${MAX_ADOPTION_DAYS} days.`);
  const now = deps.clock();
  const weeks = weeksBetween(from, to);
  const { timeZone, rhythm } = await loadRhythm(deps.db, orgId);
  const clock: AdoptionClock = {
    today: todayIn(timeZone, now),
    now: now.getTime(),
    graceDays: Math.floor(rhythm.updateWithinHours / 24),
    answerWithinHours: rhythm.answerWithinHours,
  };
  const range = { since: addDays(weeks[0]!.start, -28), to: weeks.at(-1)!.end };
  const [org, themes] = await Promise.all([readTeamInputs(deps.db, orgId, range, weeks, clock), latestThemeScores(deps.db, orgId)]);
  if (query.teamId !== undefined && !org.teams.some((t) => t.id === query.teamId)) throw notFound('The team', 'teamId');
  const subtree = subtreeOf(org.teams);
  const fingerprints = teamFingerprints(org, clock);
  const base = baseKey(orgId, weeks, clock);
  const surveyBase = `${orgId} ${themes.clarity?.token ?? ''} ${themes.leadership_support?.token ?? ''}`;
  // Each team's weeks are counted once (from the facts kept per team and cycle, team-counts.ts) and summed into every
  // group holding it (domain/adoption/team-table.ts) — only when a group's figures are not remembered from an earlier
  // report under the same inputs (remembered-figures.ts).
  let groupWeekFigures: ((teamIds: readonly string[]) => WeekFigures[]) | undefined;
  const countGroup = (teamIds: readonly string[]) => {
    if (!groupWeekFigures) {
      const counts = countTeams(org, weeks, clock);
      const count = tableGroupCounter(counts.table);
      groupWeekFigures = (ids) => count(ids.map((id) => counts.numberOf.get(id) ?? counts.empty));
    }
    return groupWeekFigures(teamIds);
  };
  // A leader of one team has that team's (or department's) teams: the same figures, counted once per list of teams.
  const counted = new Map<string, Pick<AdoptionGroup, 'weeks' | 'trend' | 'surveyScores'>>();
  const figuresOf = (teamIds: string[]) => {
    const listed = teamIds.join(' ');
    let known = counted.get(listed);
    if (known) return known;
    const weeksKey = groupKey(base, fingerprints, teamIds);
    let figures = rememberedWeeks.get(weeksKey);
    if (!figures) {
      const weeks = countGroup(teamIds);
      rememberedWeeks.set(weeksKey, (figures = { weeks, trend: trendOf(weeks) }));
    }
    const scoresKey = digest(`${surveyBase}\n${listed}`);
    let surveyScores = rememberedScores.get(scoresKey);
    if (!surveyScores) {
      // '' holds company objectives in the facts; for surveys, null is the people in no team.
      const surveyTeams = teamIds.map((id) => (id === '' ? null : id));
      surveyScores = {
        clarity: themes.clarity?.scoreOf(surveyTeams) ?? null,
        leadershipSupport: themes.leadership_support?.scoreOf(surveyTeams) ?? null,
      };
      rememberedScores.set(scoresKey, surveyScores);
    }
    counted.set(listed, (known = { weeks: figures.weeks, trend: figures.trend, surveyScores }));
    return known;
  };
  const group = (id: string, name: string, kind: AdoptionGroup['kind'], teamIds: string[], inPilot: boolean): AdoptionGroup => {
    const { weeks, trend, surveyScores } = figuresOf(teamIds);
    return { id, name, kind, inPilot, weeks, trend, flagged: false, surveyScores };
  };
  const inPilot = pilotMembership(org, subtree);
  const allTeams = org.teams.map((t) => t.id);
  const organisation = group(orgId, 'The whole organisation', 'organisation', ['', ...allTeams], false);
  const shown = new Set(query.teamId ? subtree(query.teamId) : allTeams);

  const teams = org.teams
    .filter((t) => shown.has(t.id))
    .map((t) =>
      t.kind === 'department'
        ? group(t.id, t.name, 'department', subtree(t.id), inPilot.has(t.id))
        : group(t.id, t.name, 'team', [t.id], inPilot.has(t.id)),
    );
  const orgInvolvement = latest(organisation.weeks, 'involvement');
  const leaders = [...org.leads.entries()]
    .filter(([, lead]) => lead.teamIds.some((id) => shown.has(id)))
    .map(([userId, lead]) => {
      const led = [...new Set(lead.teamIds.flatMap((id) => subtree(id)))];
      const g = group(
        userId,
        lead.name,
        'leader',
        led,
        lead.teamIds.some((id) => inPilot.has(id)),
      );
      return { ...g, flagged: fallsBehind(latest(g.weeks, 'involvement'), orgInvolvement) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const comparison =
    org.pilotTeamIds.size === 0
      ? null
      : {
          pilot: group('pilot', 'Pilot', 'pilot', [...inPilot], true),
          nonPilot: group(
            'non_pilot',
            'Outside the pilot',
            'non_pilot',
            allTeams.filter((id) => !inPilot.has(id)),
            false,
          ),
        };
  return {
    from,
    to,
    weeks: weeks.map((w) => w.start),
    organisation,
    departments: teams.filter((t) => t.kind === 'department'),
    teams: teams.filter((t) => t.kind === 'team'),
    leaders,
    pilot: comparison,
    surveySources: {
      clarity: sourceView(themes.clarity?.source),
      leadershipSupport: sourceView(themes.leadership_support?.source),
    },
    flaggedLeaders: leaders.filter((l) => l.flagged).map((l) => ({ id: l.id, name: l.name, involvement: latest(l.weeks, 'involvement') })),
  };
}

/** Every team in the pilot: the chosen ones and everything under them. */
function pilotMembership(org: TeamInputs, subtree: (rootId: string) => string[]): Set<string> {
  return new Set([...org.pilotTeamIds].flatMap((id) => subtree(id)));
}

const sourceView = (source: ThemeSource | undefined) =>
  source ? { surveyId: source.surveyId, title: source.title, opensOn: source.opensOn } : null;
