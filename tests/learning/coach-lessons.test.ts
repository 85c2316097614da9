import { expect, it } from 'vitest';
import { replaceLessons, type LessonSource } from '../../src/server/services/lessons/replace-lessons.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

interface Report {
  findings: { ruleId: string; severity: string; field: string; message: string; lessonId?: string }[];
  score: number;
  blocking: boolean;
}
interface Lesson {
  id: string;
  text: string;
}

describeEachEngine('The quality coach points at related lessons', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  /** A missed objective's closing note left two lessons; the library finds them by their words. */
  async function seed() {
    const { w } = t;
    const growth = await createTeam(w.owner.client, { name: 'Growth' });
    const missed = await w.api.createObjective({ cycleId: w.cycle.id, title: 'Make onboarding effortless', teamId: growth.id });
    const note: LessonSource = {
      orgId: w.orgId,
      cycleId: w.cycle.id,
      authorId: w.owner.user.id,
      sourceKind: 'closing_note',
      sourceId: missed.id,
      teamId: growth.id,
      objectiveId: missed.id,
      outcome: 'missed',
    };
    await engine().db.transaction((tx) =>
      replaceLessons(tx, note, [
        { text: 'Onboarding experiments need a control group before shipping', tags: ['experiments'] },
        { text: 'Migrations ran faster in small batches', tags: ['delivery'] },
      ]),
    );
    const found = await w.owner.client.get<Lesson[]>(`${API}/lessons?q=onboarding`);
    expectStatus(found, 200);
    return { growth, missed, lesson: found.body[0]! };
  }

  const related = (report: Report) => report.findings.filter((f) => f.ruleId === 'related-lesson');

  it('names the best related lesson while an objective is written, at no cost to its score', async () => {
    const { w } = t;
    const { lesson } = await seed();
    expect(lesson.text).toBe('Onboarding experiments need a control group before shipping');
    const check = (title: string, krTitle: string) =>
      w.owner.client.post<Report>(`${API}/quality/check`, {
        cycleId: w.cycle.id,
        title,
        keyResults: [{ title: krTitle, kind: 'metric', unit: 'percent', startValue: 20, targetValue: 40 }],
      });
    const pointed = await check('Onboarding that teams finish alone', 'Teams reaching their first check-in');
    expectStatus(pointed, 200);
    expect(related(pointed.body)).toEqual([
      {
        ruleId: 'related-lesson',
        severity: 'tip',
        field: 'title',
        message: `A lesson from ${w.cycle.name}, Growth, objective missed may apply: “${lesson.text}”`,
        suggestion: expect.any(String),
        lessonId: lesson.id,
      },
    ]);
    // The same draft with words no lesson shares: the only difference is the pointer, and the score is the same.
    const unrelated = await check('Quiet pagers at night', 'Teams reaching their first check-in');
    expectStatus(unrelated, 200);
    expect(related(unrelated.body)).toEqual([]);
    expect(pointed.body.score).toBe(unrelated.body.score);
  }, 120_000);

  it('points a saved draft at lessons other than its own, and leaves running objectives alone', async () => {
    const { w } = t;
    const { growth, missed, lesson } = await seed();
    const draft = await w.api.createObjective({
      cycleId: w.cycle.id,
      title: 'Onboarding for partners',
      teamId: growth.id,
      status: 'draft',
    });
    const quality = async (id: string) => {
      const response = await w.owner.client.get<Report>(`${API}/objectives/${id}/quality`);
      expectStatus(response, 200);
      return related(response.body);
    };
    expect((await quality(draft.id)).map((f) => f.lessonId)).toEqual([lesson.id]);
    // The objective the lessons were learned on is not pointed at them.
    expect(missed.status).toBe('draft');
    expect(await quality(missed.id)).toEqual([]);
    const running = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Onboarding at scale', teamId: growth.id });
    expect(running.objective.status).toBe('active');
    expect(await quality(running.objective.id)).toEqual([]);
  }, 120_000);
});
