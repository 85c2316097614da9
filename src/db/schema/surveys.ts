import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  SURVEY_QUESTION_KINDS,
  SURVEY_SCHEDULES,
  SURVEY_SCOPES,
  SURVEY_STATUSES,
  type SurveyQuestionKind,
  type SurveySchedule,
  type SurveyScope,
  type SurveyStatus,
} from '../../domain/vocabulary.js';
import { MATURITY_LEVELS, type MaturityLevel } from '../../domain/rollout/maturity.js';
import { oneOf } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';

/**
 * Pulse surveys, anonymous by construction: a response row holds no person and no time finer than the day;
 * who has answered lives apart in survey_participants, only to refuse a second answer and to stop reminders.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** Every round of a recurring survey shares the first round's id here, so results show a trend. */
    seriesId: uuid('series_id').notNull(),
    round: integer('round').notNull().default(1),
    title: text('title').notNull(),
    scope: text('scope').$type<SurveyScope>().notNull(),
    schedule: text('schedule').$type<SurveySchedule>().notNull().default('once'),
    status: text('status').$type<SurveyStatus>().notNull().default('open'),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /**
     * End-of-cycle series: the latest end date among the cycles that had ended when this round opened. The next round
     * waits for a cycle ending after it (src/domain/surveys/rounds.ts), so running the job twice opens one round.
     */
    cycleEndCovered: date('cycle_end_covered'),
    /** Null for rounds the survey-rounds job opened. */
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('surveys_org_id_unique').on(t.orgId, t.id),
    index('surveys_org_series_idx').on(t.orgId, t.seriesId, t.round),
    // One row per round of a series: a second job run (or process) opening the same round fails instead of doubling it.
    unique('surveys_series_round_unique').on(t.seriesId, t.round),
    foreignKey({ name: 'surveys_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    oneOf('surveys_scope_check', t.scope, SURVEY_SCOPES),
    oneOf('surveys_schedule_check', t.schedule, SURVEY_SCHEDULES),
    oneOf('surveys_status_check', t.status, SURVEY_STATUSES),
    check('surveys_round_check', sql`${t.round} >= 1`),
    check('surveys_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').$type<SurveyQuestionKind>().notNull(),
    text: text('text').notNull(),
    /** A template's theme (clarity, leadership_support) so scores line up across rounds and beside adoption figures. */
    theme: text('theme'),
  },
  (t) => [
    unique('survey_questions_org_id_unique').on(t.orgId, t.id),
    unique('survey_questions_position_unique').on(t.surveyId, t.position),
    foreignKey({
      name: 'survey_questions_survey_fk',
      columns: [t.orgId, t.surveyId],
      foreignColumns: [surveys.orgId, surveys.id],
    }).onDelete('cascade'),
    oneOf('survey_questions_kind_check', t.kind, SURVEY_QUESTION_KINDS),
  ],
);

/** The teams a survey with scope `teams` goes to. */
export const surveyTeams = pgTable(
  'survey_teams',
  {
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    teamId: uuid('team_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.teamId] }),
    foreignKey({ name: 'survey_teams_survey_fk', columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'survey_teams_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
  ],
);

/** Who has answered: no link to the response, no time. Kept only to refuse a second answer and to stop reminders. */
export const surveyParticipants = pgTable(
  'survey_participants',
  {
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    userId: text('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.userId] }),
    foreignKey({
      name: 'survey_participants_survey_fk',
      columns: [t.orgId, t.surveyId],
      foreignColumns: [surveys.orgId, surveys.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'survey_participants_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** One anonymous response: the respondent's team (the group results are shown for) and the day, nothing finer. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    teamId: uuid('team_id'),
    day: date('day').notNull(),
  },
  (t) => [
    unique('survey_responses_org_id_unique').on(t.orgId, t.id),
    index('survey_responses_survey_idx').on(t.orgId, t.surveyId, t.teamId),
    // The target of the answers' copy of the team (survey_answers_response_team_fk, ON UPDATE CASCADE).
    unique('survey_responses_team_unique').on(t.orgId, t.id, t.teamId),
    foreignKey({
      name: 'survey_responses_survey_fk',
      columns: [t.orgId, t.surveyId],
      foreignColumns: [surveys.orgId, surveys.id],
    }).onDelete('cascade'),
    // survey_responses_team_fk is in migration 0042's custom SQL: ON DELETE SET NULL ("team_id") keeps org_id, which
    // Drizzle cannot declare (a plain SET NULL cleared org_id too, so deleting a team that had answered failed).
  ],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    orgId: uuid('org_id').notNull(),
    responseId: uuid('response_id').notNull(),
    questionId: uuid('question_id').notNull(),
    /**
     * The response's team, copied so results count answers per group from one index without joining every
     * response (docs/surveys.md). Kept equal to the response's by survey_answers_response_team_fk (ON UPDATE CASCADE).
     */
    teamId: uuid('team_id'),
    score: integer('score'),
    text: text('text'),
    /** A champion hid this free text from the results (e.g. it names someone). */
    hidden: boolean('hidden').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    // Covers the results' count of scores per question, group and value (an index-only scan).
    index('survey_answers_question_team_idx').on(t.orgId, t.questionId, t.teamId, t.score),
    foreignKey({
      name: 'survey_answers_response_fk',
      columns: [t.orgId, t.responseId],
      foreignColumns: [surveyResponses.orgId, surveyResponses.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'survey_answers_response_team_fk',
      columns: [t.orgId, t.responseId, t.teamId],
      foreignColumns: [surveyResponses.orgId, surveyResponses.id, surveyResponses.teamId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
    foreignKey({
      name: 'survey_answers_question_fk',
      columns: [t.orgId, t.questionId],
      foreignColumns: [surveyQuestions.orgId, surveyQuestions.id],
    }).onDelete('cascade'),
    check('survey_answers_score_check', sql`${t.score} between 0 and 5`),
    check('survey_answers_one_value_check', sql`(${t.score} is null) <> (${t.text} is null)`),
  ],
);

/** The rollout's own settings, one row per organisation (absent: the defaults). */
export const rolloutSettings = pgTable(
  'rollout_settings',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    /** Fewest responses a group's results are shown with; smaller groups merge into their parent. */
    surveyMinGroupSize: integer('survey_min_group_size').notNull().default(5),
    /** Team objectives stay in draft until the company has published its own for the cycle. */
    companyOkrsFirst: boolean('company_okrs_first').notNull().default(false),
    /** A team objective in the programme is published only after a reviewer approved it (docs/rollout.md). */
    approvalRequired: boolean('approval_required').notNull().default(false),
    /** The programme's maturity level (learning, practising, scaling): it set the guiding principles when moved. */
    maturityLevel: text('maturity_level').$type<MaturityLevel>().notNull().default('learning'),
  },
  (t) => [
    check('rollout_settings_min_group_check', sql`${t.surveyMinGroupSize} >= 3`),
    oneOf('rollout_settings_maturity_check', t.maturityLevel, MATURITY_LEVELS),
  ],
);

/** The departments and teams in the pilot: reminders, digests and the publish gate apply to them. */
export const pilotTeams = pgTable(
  'pilot_teams',
  {
    orgId: uuid('org_id').notNull(),
    teamId: uuid('team_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId] }),
    foreignKey({ name: 'pilot_teams_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
  ],
);
