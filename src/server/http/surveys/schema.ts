import { z } from 'zod';
import { SURVEY_THEMES } from '../../../domain/surveys/templates.js';
import { SURVEY_QUESTION_KINDS, SURVEY_SCHEDULES, SURVEY_SCOPES, SURVEY_STATUSES } from '../../../domain/vocabulary.js';

const id = z.uuid({ message: 'Must be a valid id.' });
const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });

export const surveyCreate = z.object({
  title: z.string().trim().min(1, 'Required.').max(120, 'Use at most 120 characters.'),
  questions: z
    .array(
      z.object({
        kind: z.enum(SURVEY_QUESTION_KINDS),
        text: z.string().trim().min(1, 'Required.').max(300, 'Use at most 300 characters.'),
        theme: z.enum(SURVEY_THEMES).nullable().optional().describe('clarity or leadership_support: lines scores up across rounds'),
      }),
    )
    .min(1, 'Ask at least one question.')
    .max(20, 'Ask at most 20 questions.'),
  scope: z.enum(SURVEY_SCOPES).describe('everyone, the pilot teams, or the teams in teamIds (with their sub-teams)'),
  teamIds: z.array(id).max(200).optional(),
  schedule: z.enum(SURVEY_SCHEDULES).optional(),
  closesOn: isoDate.optional().describe('Last day answers are taken; two weeks from today when left out'),
});

export const responseBody = z.object({
  answers: z
    .array(
      z.object({
        questionId: id,
        value: z.union([z.number(), z.boolean(), z.string().max(4000)]).describe('1–5 for scale, true/false for yes_no, text for text'),
      }),
    )
    .max(40),
});

export const resultsQuery = z.object({ teamId: id.optional().describe('Only the group this team is shown in (merged if too small)') });
export const hideBody = z.object({
  textIds: z
    .array(z.string().regex(/^[0-9a-f-]{36}\.[0-9a-f-]{36}$/i, 'Use the ids the results list.'))
    .min(1)
    .max(200),
  hidden: z.boolean(),
});
export const thresholdBody = z.object({ surveyMinGroupSize: z.number().int('Use a whole number.') });

export const questionView = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  text: z.string(),
  theme: z.string().nullable(),
});

export const surveyView = z.object({
  id: z.string(),
  seriesId: z.string(),
  round: z.number(),
  title: z.string(),
  scope: z.enum(SURVEY_SCOPES),
  schedule: z.enum(SURVEY_SCHEDULES),
  status: z.enum(SURVEY_STATUSES),
  opensOn: z.string(),
  closesOn: z.string(),
});

export const surveyListItem = surveyView.extend({
  invited: z.boolean(),
  answered: z.boolean(),
  nextRoundOn: z.string().nullable().describe('Latest round of a recurring series (champions and admins): the day the next round opens'),
});
export const scheduleBody = z.object({
  schedule: z.enum(SURVEY_SCHEDULES).describe('How the series repeats; "once" stops it (no further round opens)'),
});
export const surveyDetail = surveyView.extend({ questions: z.array(questionView), invited: z.boolean(), answered: z.boolean() });

const questionResult = z.object({
  questionId: z.string(),
  answered: z.number(),
  average: z.number().nullable().describe('Scale: mean of 1–5; yes/no: share of yes (0–1)'),
  distribution: z.array(z.number()).nullable(),
  texts: z.array(z.object({ id: z.string(), text: z.string(), hidden: z.boolean() })),
});

export const resultsView = z.object({
  survey: surveyView,
  questions: z.array(questionView),
  minimum: z.number().describe('Fewest responses a group is shown with'),
  responses: z.number(),
  requestedTeam: z.object({ teamId: z.string(), shownAs: z.string().nullable(), merged: z.boolean() }).nullable(),
  groups: z.array(z.object({ teamId: z.string().nullable(), name: z.string(), responses: z.number(), questions: z.array(questionResult) })),
  trend: z.array(
    z.object({
      surveyId: z.string(),
      round: z.number(),
      opensOn: z.string(),
      responses: z.number(),
      counted: z.number().describe('Responses the averages are over: those of the groups shown, never a hidden group'),
      averages: z.array(z.object({ position: z.number(), theme: z.string().nullable(), average: z.number() })),
    }),
  ),
});

export const templatesView = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    questions: z.array(z.object({ kind: z.enum(SURVEY_QUESTION_KINDS), text: z.string(), theme: z.string().optional() })),
  }),
);
