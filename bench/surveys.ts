/**
 * A pulse survey with 10,000 responses at every scale (the target counts responses, not people), spread over the
 * generated teams as their people would answer: a clarity and a leadership-support score each, and free text from
 * one in five. Rows go in directly, shaped as respondToSurvey writes them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from '../src/db/schema/index.js';
import { addDays } from '../src/domain/dates.js';
import { CLARITY_QUESTION, LEADERSHIP_SUPPORT_QUESTION, type QuestionTemplate } from '../src/domain/surveys/templates.js';
import type { Dataset } from './generate.js';

export const SURVEY_RESPONSES = 10_000;
const TITLE = 'Bench rollout pulse';
const QUESTIONS: QuestionTemplate[] = [CLARITY_QUESTION, LEADERSHIP_SUPPORT_QUESTION, { kind: 'text', text: 'What should change?' }];

/** The survey's id; made once per database. */
export async function seedSurvey(db: Database, data: Dataset, responses = SURVEY_RESPONSES): Promise<string> {
  const orgId = data.org.id;
  const [existing] = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), eq(surveys.title, TITLE)));
  if (existing) return existing.id;
  const id = randomUUID();
  await db
    .insert(surveys)
    .values({ id, orgId, seriesId: id, title: TITLE, scope: 'everyone', opensOn: addDays(data.today, -7), closesOn: data.today });
  const questions = QUESTIONS.map((q, position) => ({
    id: randomUUID(),
    orgId,
    surveyId: id,
    position,
    kind: q.kind,
    text: q.text,
    theme: q.theme ?? null,
  }));
  await db.insert(surveyQuestions).values(questions);
  const [clarity, support, text] = questions;
  for (let start = 0; start < responses; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, responses - start) }, (_, k) => {
      const i = start + k;
      const membership = data.memberships[(i * 7919) % data.memberships.length]!;
      return { i, row: { id: randomUUID(), orgId, surveyId: id, teamId: data.teams[membership.teamIndex]!.id, day: data.today } };
    });
    await db.insert(surveyResponses).values(rows.map((r) => r.row));
    const answers = rows.flatMap(({ i, row }) => [
      { orgId, responseId: row.id, teamId: row.teamId, questionId: clarity!.id, score: 1 + ((i * 3) % 5), text: null },
      { orgId, responseId: row.id, teamId: row.teamId, questionId: support!.id, score: 1 + ((i * 7) % 5), text: null },
      ...(i % 5 === 0
        ? [{ orgId, responseId: row.id, teamId: row.teamId, questionId: text!.id, score: null, text: `Idea ${i}: fewer key results` }]
        : []),
    ]);
    await db.insert(surveyAnswers).values(answers);
  }
  return id;
}
