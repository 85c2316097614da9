/**
 * Review meetings: their vocabulary and the agenda each kind gets, built from data the caller loads.
 * Weekly sessions keep momentum (confidence round, blockers, movement, wins, commitments); monthly deep
 * dives analyse and adjust; quarterly reviews evaluate and plan ahead; one-on-ones coach one person.
 */
import type { ChangeItem } from './review-changes.js';
import type { ProgressStatus } from './vocabulary.js';

export const MEETING_KINDS = ['weekly', 'monthly_deep_dive', 'quarterly_review', 'one_on_one'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/** Who meets: a team, a department (its teams too), the whole company, or two people. */
export const MEETING_AUDIENCES = ['team', 'department', 'company', 'pair'] as const;
export type MeetingAudience = (typeof MEETING_AUDIENCES)[number];
export const MEETING_RECURRENCES = ['none', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type MeetingRecurrence = (typeof MEETING_RECURRENCES)[number];

/** Days between occurrences; months and quarters step by calendar month (see nextOccurrence). */
const RECURRENCE_MONTHS: Partial<Record<MeetingRecurrence, number>> = { monthly: 1, quarterly: 3 };
const RECURRENCE_DAYS: Partial<Record<MeetingRecurrence, number>> = { weekly: 7, biweekly: 14 };

/** When the next meeting of a series starts, or null for a one-off. */
export function nextOccurrence(startsAt: Date, recurrence: MeetingRecurrence): Date | null {
  const days = RECURRENCE_DAYS[recurrence];
  if (days) return new Date(startsAt.getTime() + days * 86_400_000);
  const months = RECURRENCE_MONTHS[recurrence];
  if (!months) return null;
  const next = new Date(startsAt);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

export interface AgendaKeyResult {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  ownerId: string | null;
  ownerName: string | null;
  progress: number;
  /** Confidence of each check-in, oldest first; the last is the latest. */
  confidenceTrail: number[];
  blockers: string | null;
  stale: boolean;
}

export interface AgendaObjective {
  id: string;
  title: string;
  status: ProgressStatus | null;
  progress: number;
  /** Progress gained over the last four weeks. */
  trend: number;
  forecast: number;
}

export interface AgendaAction {
  id: string;
  title: string;
  ownerName: string | null;
  dueDate: string;
}

export interface AgendaCommitment {
  personName: string;
  text: string;
  kept: boolean | null;
}

/** An open initiative on one of the agenda's key results (issue 14's initiatives). */
export interface AgendaInitiative {
  title: string;
  status: string;
  dueDate: string | null;
  keyResultTitle: string;
  objectiveId: string;
}

export interface AgendaInputs {
  keyResults: AgendaKeyResult[];
  objectives: AgendaObjective[];
  changes: ChangeItem[];
  openActions: AgendaAction[];
  previousCommitments: AgendaCommitment[];
  decisions: { decision: string; ownerName: string | null; decidedOn: string }[];
  /** Extension point for the review phase (issue 13): the cycle's evaluation and lessons, once they exist. */
  evaluationAndLessons: AgendaItem[];
  /** Open initiatives of the one-on-one's key results. */
  initiatives: AgendaInitiative[];
}

export interface AgendaItem {
  text: string;
  detail?: string | null;
  link?: string | null;
}

export interface AgendaSection {
  key: string;
  title: string;
  items: AgendaItem[];
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const krLink = (kr: { objectiveId: string }) => `/objectives/${kr.objectiveId}`;
const latestConfidence = (kr: AgendaKeyResult) => kr.confidenceTrail.at(-1) ?? null;

function confidenceRound(krs: AgendaKeyResult[]): AgendaSection {
  const ordered = [...krs].sort((a, b) => (latestConfidence(a) ?? 11) - (latestConfidence(b) ?? 11) || a.title.localeCompare(b.title));
  const items = ordered.map((kr) => ({
    text: `${kr.title}: confidence ${latestConfidence(kr) ?? 'not given'}`,
    detail: `${kr.ownerName ?? 'No owner'} · ${pct(kr.progress)}`,
    link: krLink(kr),
  }));
  return { key: 'confidence', title: 'Confidence round (lowest first)', items };
}

function blockers(krs: AgendaKeyResult[]): AgendaSection {
  const items = krs
    .filter((kr) => kr.blockers)
    .map((kr) => ({ text: `${kr.title}: ${kr.blockers}`, detail: kr.ownerName, link: krLink(kr) }));
  return { key: 'blockers', title: 'Open blockers', items };
}

const changeItem = (c: ChangeItem): AgendaItem => ({ text: c.summary, link: `/objectives/${c.objectiveId}` });

function actions(open: AgendaAction[]): AgendaSection {
  const items = open.map((a) => ({ text: a.title, detail: `${a.ownerName ?? 'No owner'} · due ${a.dueDate}` }));
  return { key: 'actions', title: 'Open actions from earlier meetings', items };
}

function weekly(input: AgendaInputs): AgendaSection[] {
  const moved = input.changes.filter((c) => c.kind !== 'new_blocker' && c.kind !== 'unanswered_blocker');
  const wins = input.changes.filter((c) => c.kind === 'moved_up' || (c.kind === 'status_change' && c.after === 'on_track'));
  const commitments = input.previousCommitments.map((c) => ({
    text: `${c.personName}: ${c.text}`,
    detail: c.kept === null ? 'not reported' : c.kept ? 'kept' : 'not kept',
  }));
  return [
    confidenceRound(input.keyResults),
    blockers(input.keyResults),
    { key: 'moved', title: 'What moved since last week', items: moved.map(changeItem) },
    { key: 'wins', title: 'Wins', items: wins.map(changeItem) },
    { key: 'commitments', title: "Last week's commitments", items: commitments },
    actions(input.openActions),
  ];
}

function atRisk(objectives: AgendaObjective[]) {
  return objectives.filter((o) => o.status === 'at_risk' || o.status === 'off_track');
}

function monthly(input: AgendaInputs): AgendaSection[] {
  const risky = atRisk(input.objectives);
  return [
    { key: 'changes', title: 'Changes of the last month', items: input.changes.map(changeItem) },
    {
      key: 'at_risk',
      title: 'At risk or off track',
      items: risky.map((o) => ({
        text: `${o.title}: ${pct(o.progress)}, ${o.status === 'off_track' ? 'off track' : 'at risk'}`,
        detail: `${o.trend >= 0 ? '+' : ''}${Math.round(o.trend * 100)} points in four weeks · forecast ${pct(o.forecast)}`,
        link: `/objectives/${o.id}`,
      })),
    },
    {
      key: 'decisions',
      title: 'Decisions to take',
      items: risky.map((o) => ({ text: `${o.title}: adjust, re-scope or ask for help?`, link: `/objectives/${o.id}` })),
    },
    actions(input.openActions),
  ];
}

export const STRATEGY_QUESTIONS = [
  'Which objectives mattered most to customers, and did we resource them accordingly?',
  'What do we stop doing next cycle?',
  'Which assumptions behind this cycle turned out wrong?',
];

function quarterly(input: AgendaInputs): AgendaSection[] {
  const unfinished = input.objectives.filter((o) => o.progress < 0.7);
  return [
    { key: 'evaluation', title: 'Cycle evaluation and lessons', items: input.evaluationAndLessons },
    { key: 'strategy', title: 'Strategy questions', items: STRATEGY_QUESTIONS.map((text) => ({ text })) },
    {
      key: 'next_cycle',
      title: "Inputs for next cycle's planning",
      items: unfinished.map((o) => ({
        text: `Carry over, re-scope or drop: ${o.title} (${pct(o.progress)})`,
        link: `/objectives/${o.id}`,
      })),
    },
    {
      key: 'decisions_made',
      title: 'Decisions this cycle',
      items: input.decisions.map((d) => ({ text: d.decision, detail: `${d.ownerName ?? 'No owner'} · ${d.decidedOn}` })),
    },
    actions(input.openActions),
  ];
}

/** Questions a manager can ask, drawn from what the person's key results show. */
export function coachingPrompts(krs: AgendaKeyResult[]): AgendaItem[] {
  const prompts: AgendaItem[] = [];
  for (const kr of krs) {
    const trail = kr.confidenceTrail;
    if (trail.length >= 2 && trail.at(-2)! - trail.at(-1)! >= 2) prompts.push({ text: `What changed your confidence in “${kr.title}”?` });
    if (kr.stale) prompts.push({ text: `What keeps “${kr.title}” from a check-in?` });
    if (kr.blockers) prompts.push({ text: `Who can help remove the blocker on “${kr.title}”?` });
  }
  prompts.push({ text: 'What would you like to learn or try next?' });
  return prompts;
}

function oneOnOne(input: AgendaInputs): AgendaSection[] {
  return [
    {
      key: 'key_results',
      title: 'Key results',
      items: input.keyResults.map((kr) => ({
        text: `${kr.title}: ${pct(kr.progress)}`,
        detail: kr.confidenceTrail.length ? `confidence ${kr.confidenceTrail.join(' → ')}` : 'no confidence yet',
        link: krLink(kr),
      })),
    },
    blockers(input.keyResults),
    {
      key: 'initiatives',
      title: 'Initiatives',
      items: input.initiatives.map((i) => ({
        text: `${i.title} (${i.status.replace('_', ' ')})`,
        detail: [`for ${i.keyResultTitle}`, i.dueDate ? `due ${i.dueDate}` : null].filter(Boolean).join(', '),
        link: `/objectives/${i.objectiveId}`,
      })),
    },
    { key: 'coaching', title: 'Coaching prompts', items: coachingPrompts(input.keyResults) },
    actions(input.openActions),
  ];
}

const BUILDERS: Record<MeetingKind, (input: AgendaInputs) => AgendaSection[]> = {
  weekly,
  monthly_deep_dive: monthly,
  quarterly_review: quarterly,
  one_on_one: oneOnOne,
};

/** The generated agenda of a meeting of `kind`. */
export const buildAgenda = (kind: MeetingKind, input: AgendaInputs): AgendaSection[] => BUILDERS[kind](input);
