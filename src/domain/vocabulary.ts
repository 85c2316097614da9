/**
 * Every enumeration of Cairn, declared once. The database (CHECK constraints), the zod schemas of the API,
 * the services, the web app and the tests import these arrays and types instead of repeating the literals.
 * Order matters where a list is shown to people (the UI offers the values in this order).
 */

/** Committed: must be delivered. Aspirational: a stretch goal. */
export const OBJECTIVE_TYPES = ['committed', 'aspirational'] as const;
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];

export const OBJECTIVE_STATUSES = ['draft', 'active', 'closed', 'archived'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** Who may see an objective: everyone in the organisation, its teams (and their leads), or named people. */
export const VISIBILITIES = ['organization', 'team', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What an objective's progress is computed from. */
export const PROGRESS_DRIVERS = ['key_results', 'aligned', 'both'] as const;
export type ProgressDriver = (typeof PROGRESS_DRIVERS)[number];

/** What a key result measures, in the order the UI offers them. */
export const KEY_RESULT_KINDS = ['metric', 'threshold', 'milestone', 'rollup'] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

/** How far a measure can be trusted (the data-readiness checklist). */
export const MEASURE_RELIABILITIES = ['reliable', 'proxy', 'not_yet_measurable'] as const;
export type MeasureReliability = (typeof MEASURE_RELIABILITIES)[number];

/** The phases a cycle moves through, in order: review is when scores are confirmed and closing notes written. */
export const CYCLE_STATUSES = ['planning', 'active', 'review', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** What became of an objective, written in its closing note. */
export const OUTCOMES = ['achieved', 'partially', 'missed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What happens to an objective after its cycle closes. */
export const NEXT_STEPS = ['done', 'carry_over', 'rework', 'drop'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** Progress measured against the progress expected by now. */
export const PROGRESS_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];

/** A person's role in the organisation. A champion runs the OKR programme (principles, rhythm, cycles, surveys,
 * rollout) without managing people, roles, tokens or instance settings. */
export const ROLES = ['owner', 'admin', 'champion', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const TEAM_KINDS = ['department', 'team'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** A person's role in one team. */
export const TEAM_MEMBER_ROLES = ['lead', 'member'] as const;
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

/** What became of an invitation's e-mail (also what the mailer answers). */
export const EMAIL_STATUSES = ['sent', 'failed', 'not_configured'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const NOTIFICATION_KINDS = [
  'reminder',
  'escalation',
  'digest',
  'mention',
  'comment',
  'celebration',
  'blocker',
  'survey',
  'review',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a person may receive a notification kind. */
export const CHANNELS = ['in_app', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How the outbox delivers a message. */
export const OUTBOX_CHANNELS = ['email', 'webhook', 'slack'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** recorded: kept for an admin to read because no SMTP server is configured. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'recorded'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a comment can be written on. */
export const COMMENT_TARGETS = ['objective', 'key_result', 'check_in'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** What a reaction can be given to. */
export const REACTION_TARGETS = ['comment', 'check_in'] as const;
export type ReactionTarget = (typeof REACTION_TARGETS)[number];

/** What a pulse-survey question asks for: a 1–5 agreement scale, yes/no, or free text. */
export const SURVEY_QUESTION_KINDS = ['scale', 'yes_no', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** Who a survey is sent to. */
export const SURVEY_SCOPES = ['everyone', 'pilot', 'teams'] as const;
export type SurveyScope = (typeof SURVEY_SCOPES)[number];

/** When a survey runs again: never, every month, or at the end of each cycle. */
export const SURVEY_SCHEDULES = ['once', 'monthly', 'cycle_end'] as const;
export type SurveySchedule = (typeof SURVEY_SCHEDULES)[number];

export const SURVEY_STATUSES = ['open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Whether `value` is one of `values` (narrows an untrusted string). */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** What a cycle's review can still lack before it closes (clients show unknown kinds by their text). */
export const REVIEW_GAP_KINDS = ['unconfirmed_score', 'missing_closing_note', 'missing_retrospective'] as const;
export type ReviewGapKind = (typeof REVIEW_GAP_KINDS)[number];

/** The screens whose active use counts as time invested in OKRs (adoption figures). */
export const ADOPTION_SCREENS = ['planning', 'check_in'] as const;
export type AdoptionScreen = (typeof ADOPTION_SCREENS)[number];

/** What the team leaderboard ranks by (issue 14): never raw progress, which rewards sandbagging. */
export const LEADERBOARD_MEASURES = ['pace', 'discipline', 'improvement'] as const;
export type LeaderboardMeasure = (typeof LEADERBOARD_MEASURES)[number];
