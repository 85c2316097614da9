import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { notifications, surveys } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { OkrApi, TestClock } from '../okrs/support.js';
import { addChampion, teamOf } from './support.js';

const CLARITY = { kind: 'scale', theme: 'clarity', text: "I understand how my work contributes to the company's objectives." } as const;

interface Listed {
  id: string;
  seriesId: string;
  round: number;
  status: string;
  schedule: string;
  opensOn: string;
  closesOn: string;
  nextRoundOn: string | null;
}

describeEachEngine('recurring survey rounds', (engine) => {
  const clock = new TestClock('2027-03-01');
  const t = { server: undefined as unknown as TestServer, owner: undefined as unknown as Person };
  beforeAll(async () => {
    t.server = await startTestServer(engine().handle, { clock: clock.now });
  });
  afterAll(() => t.server?.close());
  beforeEach(async () => {
    await engine().reset();
    clock.setDay('2027-03-01');
    t.owner = (await setUpOrganization(t.server.url)).owner;
  });

  /** Runs a job as the ticker would (or again, with force); answers what it did. */
  const runJob = async (name: string, force = false) => {
    const response = await t.owner.client.post<{ totals: Record<string, number> }>(
      `/api/v1/admin/jobs/${name}/run`,
      force ? { force } : {},
    );
    expectStatus(response, 200);
    return response.body.totals;
  };
  const opened = async (force = false) => (await runJob('survey-rounds', force)).roundsOpened ?? 0;
  const listed = async (client: Person['client']) => (await client.get<Listed[]>('/api/v1/surveys')).body;
  const createSurvey = async (client: Person['client'], schedule: string) => {
    const response = await client.post<Listed>('/api/v1/surveys', {
      title: 'Clarity pulse',
      questions: [CLARITY],
      scope: 'everyone',
      schedule,
    });
    expectStatus(response, 201);
    return response.body;
  };
  const answerAll = async (people: Person[], surveyId: string, value: number) => {
    const [question] = (await people[0]!.client.get<{ questions: { id: string }[] }>(`/api/v1/surveys/${surveyId}`)).body.questions;
    for (const person of people)
      expectStatus(
        await person.client.post(`/api/v1/surveys/${surveyId}/responses`, { answers: [{ questionId: question!.id, value }] }),
        201,
      );
  };

  it('monthly: one round a month after the last, none before, once however often the job runs; trend over both; stoppable', async () => {
    const champion = await addChampion(t.owner.client);
    const web = await createTeam(t.owner.client, { name: 'Web' });
    const people = await teamOf(t.owner.client, web.id, 5, 'Web');
    const first = await createSurvey(champion.client, 'monthly');
    expect((await listed(champion.client))[0]).toMatchObject({ id: first.id, nextRoundOn: '2027-04-01' });
    await answerAll(people, first.id, 4);

    clock.setDay('2027-03-31');
    expect(await opened()).toBe(0);
    clock.setDay('2027-04-01');
    expect(await opened()).toBe(1);
    expect(await opened()).toBe(0);
    expect(await opened(true)).toBe(0);
    const rounds = await engine().db.select().from(surveys).orderBy(surveys.round);
    expect(rounds.map((r) => [r.round, r.seriesId, r.status, r.opensOn, r.closesOn, r.createdBy])).toEqual([
      [1, first.id, 'closed', '2027-03-01', '2027-03-14', champion.user.id],
      [2, first.id, 'open', '2027-04-01', '2027-04-14', null],
    ]);
    const second = rounds[1]!;
    const detail = (
      await people[0]!.client.get<{ questions: { id: string; kind: string; text: string; theme: string }[] }>(
        `/api/v1/surveys/${second.id}`,
      )
    ).body;
    expect(detail.questions).toEqual([expect.objectContaining({ kind: 'scale', text: CLARITY.text, theme: 'clarity' })]);
    expect(detail).toMatchObject({ invited: true, answered: false });
    const list = await listed(champion.client);
    expect(list.map((s) => [s.round, s.nextRoundOn])).toEqual([
      [2, '2027-05-01'],
      [1, null],
    ]);

    // Invited through the survey notice path, reminded per round by survey-reminders; the closed round takes no answer.
    const notices = async () =>
      (
        await engine()
          .db.select()
          .from(notifications)
          .where(eq(notifications.userId, people[1]!.user.id))
          .orderBy(asc(notifications.createdAt))
      ).filter((n) => n.kind === 'survey');
    expect((await notices()).map((n) => n.link)).toEqual([`/surveys/${first.id}/answer`, `/surveys/${second.id}/answer`]);
    clock.setDay('2027-04-04');
    await runJob('survey-reminders');
    expect((await notices()).filter((n) => n.title.startsWith('Reminder')).map((n) => n.link)).toEqual([`/surveys/${second.id}/answer`]);
    expectProblem(
      await people[0]!.client.post(`/api/v1/surveys/${first.id}/responses`, {
        answers: [{ questionId: detail.questions[0]!.id, value: 3 }],
      }),
      409,
      '/problems/conflict',
      'surveyId',
    );
    await answerAll(people, second.id, 2);

    const results = await champion.client.get(`/api/v1/surveys/${second.id}/results`);
    expectStatus(results, 200);
    expect(results.body.trend).toEqual([
      {
        surveyId: first.id,
        round: 1,
        opensOn: '2027-03-01',
        responses: 5,
        counted: 5,
        averages: [{ position: 0, theme: 'clarity', average: 4 }],
      },
      {
        surveyId: second.id,
        round: 2,
        opensOn: '2027-04-01',
        responses: 5,
        counted: 5,
        averages: [{ position: 0, theme: 'clarity', average: 2 }],
      },
    ]);

    // Stopping the series: no third round, and no next date.
    expectProblem(await people[0]!.client.patch(`/api/v1/surveys/${second.id}`, { schedule: 'once' }), 403, '/problems/forbidden');
    const stopped = await champion.client.patch(`/api/v1/surveys/${second.id}`, { schedule: 'once' });
    expectStatus(stopped, 200);
    expect(stopped.body).toMatchObject({ id: second.id, schedule: 'once' });
    clock.setDay('2027-05-02');
    expect(await opened()).toBe(0);
    expect((await listed(champion.client)).map((s) => [s.round, s.schedule, s.nextRoundOn])).toEqual([
      [2, 'once', null],
      [1, 'once', null],
    ]);
  });

  it('end of each cycle: a round opens once the cycle enters review (or its last day has passed), once per cycle', async () => {
    const champion = await addChampion(t.owner.client);
    const okrs = new OkrApi(t.owner.client);
    const q1 = await okrs.createCycle({ name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31', status: 'active' });
    const first = await createSurvey(champion.client, 'cycle_end');
    expect((await listed(champion.client))[0]).toMatchObject({ nextRoundOn: '2027-04-01' });

    clock.setDay('2027-03-20');
    expect(await opened()).toBe(0);
    await okrs.patchCycle(q1.id, { status: 'review' });
    expect((await listed(champion.client))[0]).toMatchObject({ nextRoundOn: '2027-03-20' });
    expect(await opened()).toBe(1);
    expect(await opened(true)).toBe(0);
    clock.setDay('2027-04-02');
    expect(await opened()).toBe(0);
    const [latest] = await listed(champion.client);
    expect(latest).toMatchObject({ seriesId: first.id, round: 2, opensOn: '2027-03-20', status: 'open', nextRoundOn: null });

    // Q2 ends on 30 June and nobody moves it to review: its round opens the day after.
    await okrs.createCycle({ name: 'Q2 2027', startDate: '2027-04-01', endDate: '2027-06-30', status: 'active' });
    expect((await listed(champion.client))[0]).toMatchObject({ round: 2, nextRoundOn: '2027-07-01' });
    clock.setDay('2027-06-30');
    expect(await opened()).toBe(0);
    clock.setDay('2027-07-01');
    expect(await opened()).toBe(1);
    expect(await opened()).toBe(0);
    expect((await listed(champion.client)).map((s) => [s.round, s.status])).toEqual([
      [3, 'open'],
      [2, 'closed'],
      [1, 'closed'],
    ]);
  });
});
