import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  activities,
  notifications,
  organizations,
  outbox,
  surveyAnswers,
  surveyParticipants,
  surveyResponses,
  surveyTeams,
  teams,
} from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { addChampion, teamOf } from './support.js';
import { addDays, TestClock } from '../okrs/support.js';

const CLARITY = { kind: 'scale', theme: 'clarity', text: "I understand how my work contributes to the company's objectives." } as const;

describeEachEngine('pulse surveys', (engine) => {
  // Every log line the server writes, at the most talkative level, to prove none links a response to a person.
  const logLines: string[] = [];
  const clock = new TestClock('2027-03-01');
  const t = { server: undefined as unknown as TestServer, owner: undefined as unknown as Person };
  beforeAll(async () => {
    t.server = await startTestServer(engine().handle, {
      clock: clock.now,
      logger: { level: 'trace', stream: { write: (line) => void logLines.push(line) } },
    });
  });
  afterAll(() => t.server?.close());
  beforeEach(async () => {
    await engine().reset();
    logLines.length = 0;
    clock.setDay('2027-03-01');
    t.owner = (await setUpOrganization(t.server.url)).owner;
  });

  const createSurvey = async (client: Person['client'], body: Record<string, unknown>) => {
    const response = await client.post('/api/v1/surveys', { title: 'Clarity pulse', questions: [CLARITY], scope: 'everyone', ...body });
    expectStatus(response, 201);
    return response.body as { id: string };
  };
  const answer = (person: Person, surveyId: string, answers: { questionId: string; value: unknown }[]) =>
    person.client.post(`/api/v1/surveys/${surveyId}/responses`, { answers });
  const questionsOf = async (person: Person, surveyId: string) =>
    ((await person.client.get(`/api/v1/surveys/${surveyId}`)).body.questions as { id: string; kind: string }[]).map((q) => q.id);

  it('shows a team only from five responses; below that it is merged into its department, never shown', async () => {
    const champion = await addChampion(t.owner.client);
    const sales = await createTeam(t.owner.client, { name: 'Sales', kind: 'department' });
    const north = await createTeam(t.owner.client, { name: 'North', parentId: sales.id });
    const south = await createTeam(t.owner.client, { name: 'South', parentId: sales.id });
    const northPeople = await teamOf(t.owner.client, north.id, 5, 'North');
    const southPeople = await teamOf(t.owner.client, south.id, 3, 'South');
    const survey = await createSurvey(champion.client, { scope: 'teams', teamIds: [sales.id] });
    const [clarity] = await questionsOf(northPeople[0]!, survey.id);
    const scores = [5, 4, 4, 3, 5];
    for (const [i, person] of northPeople.entries())
      expectStatus(await answer(person, survey.id, [{ questionId: clarity!, value: scores[i] }]), 201);

    const early = await champion.client.get(`/api/v1/surveys/${survey.id}/results`);
    expectStatus(early, 200);
    expect(early.body.groups.map((g: { name: string; responses: number }) => [g.name, g.responses])).toEqual([['North', 5]]);
    expect(early.body.groups[0].questions[0]).toMatchObject({ answered: 5, average: 4.2, distribution: [0, 0, 1, 2, 2] });

    for (const person of southPeople) expectStatus(await answer(person, survey.id, [{ questionId: clarity!, value: 1 }]), 201);
    // South has 3 responses: asked for, it is answered with the group it merged into, which holds only South's 3 (< 5) → nothing.
    const southOnly = await champion.client.get(`/api/v1/surveys/${survey.id}/results?teamId=${south.id}`);
    expectStatus(southOnly, 200);
    expect(southOnly.body.requestedTeam).toEqual({ teamId: south.id, shownAs: null, merged: true });
    expect(southOnly.body.groups).toEqual([]);
    expect(southOnly.text).not.toMatch(/"average":1\b/);

    // The subtraction attack on the trend: its average times the responses it counts, less every shown group's own
    // figures, would leave South's answers (8 responses ≥ 5 overall). The trend counts shown groups only: nothing left.
    const all = await champion.client.get(`/api/v1/surveys/${survey.id}/results`);
    const [round] = all.body.trend as { responses: number; counted: number; averages: { average: number }[] }[];
    expect(round).toMatchObject({ responses: 8, counted: 5, averages: [{ average: 4.2 }] });
    const shown = all.body.groups as { responses: number; questions: { answered: number; average: number }[] }[];
    const left = {
      n: round!.counted - shown.reduce((n, g) => n + g.questions[0]!.answered, 0),
      sum:
        round!.averages[0]!.average * round!.counted -
        shown.reduce((sum, g) => sum + g.questions[0]!.average * g.questions[0]!.answered, 0),
    };
    expect(left.n).toBe(0);
    expect(Math.round(left.sum)).toBe(0);

    // Lowering the threshold to three shows South on its own.
    expectProblem(
      await champion.client.put('/api/v1/surveys/settings', { surveyMinGroupSize: 2 }),
      422,
      '/problems/validation-failed',
      'surveyMinGroupSize',
    );
    expectProblem(
      await champion.client.put('/api/v1/surveys/settings', { surveyMinGroupSize: 9_007_199_254_740_991 }),
      422,
      '/problems/validation-failed',
      'surveyMinGroupSize',
    );
    expectStatus(await champion.client.put('/api/v1/surveys/settings', { surveyMinGroupSize: 3 }), 200);
    const lowered = await champion.client.get(`/api/v1/surveys/${survey.id}/results?teamId=${south.id}`);
    expect(lowered.body.groups.map((g: { name: string; responses: number }) => [g.name, g.responses])).toEqual([['South', 3]]);
    expect(lowered.body.trend).toEqual([
      expect.objectContaining({ round: 1, responses: 8, counted: 8, averages: [{ position: 0, theme: 'clarity', average: 3 }] }),
    ]);

    const member = northPeople[0]!;
    expectProblem(await member.client.get(`/api/v1/surveys/${survey.id}/results`), 403, '/problems/forbidden');
  });

  it('keeps the answers of a team that is deleted: they count for the organisation, with no team', async () => {
    const champion = await addChampion(t.owner.client);
    const north = await createTeam(t.owner.client, { name: 'North' });
    const northPeople = await teamOf(t.owner.client, north.id, 5, 'North');
    const survey = await createSurvey(champion.client, {});
    const [clarity] = await questionsOf(northPeople[0]!, survey.id);
    for (const [i, person] of northPeople.entries())
      expectStatus(await answer(person, survey.id, [{ questionId: clarity!, value: 1 + i }]), 201);
    const before = await champion.client.get(`/api/v1/surveys/${survey.id}/results`);
    expect(before.body.groups.map((g: { name: string }) => g.name)).toEqual(['North']);

    expectStatus(await t.owner.client.delete(`/api/v1/teams/${north.id}`), 204);
    const db = engine().handle.db;
    expect((await db.select().from(surveyResponses)).map((r) => r.teamId)).toEqual([null, null, null, null, null]);
    // The answers' copy of the team follows the response's (ON UPDATE CASCADE), so the results still count them.
    expect((await db.select().from(surveyAnswers)).map((a) => a.teamId)).toEqual([null, null, null, null, null]);
    const after = await champion.client.get(`/api/v1/surveys/${survey.id}/results`);
    expectStatus(after, 200);
    expect(after.body.groups.map((g: { name: string; responses: number }) => [g.name, g.responses])).toEqual([
      ['The whole organisation', 5],
    ]);
    expect(after.body.groups[0].questions[0]).toMatchObject({ answered: 5, average: 3, distribution: [1, 1, 1, 1, 1] });
  });

  it('refuses a second answer (409), a closed survey (409), a value off the scale and a missing answer (422)', async () => {
    const champion = await addChampion(t.owner.client);
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    const survey = await createSurvey(champion.client, {
      questions: [CLARITY, { kind: 'yes_no', text: 'Weekly check-ins?' }, { kind: 'text', text: 'Anything else?' }],
    });
    const [clarity, weekly] = await questionsOf(member, survey.id);
    expectProblem(
      await answer(member, survey.id, [
        { questionId: clarity!, value: 6 },
        { questionId: weekly!, value: true },
      ]),
      422,
      '/problems/validation-failed',
      'answers[0].value',
    );
    expectProblem(
      await answer(member, survey.id, [
        { questionId: clarity!, value: 3 },
        { questionId: weekly!, value: 'yes' },
      ]),
      422,
      '/problems/validation-failed',
      'answers[1].value',
    );
    expectProblem(await answer(member, survey.id, [{ questionId: clarity!, value: 3 }]), 422, '/problems/validation-failed', 'answers');
    expect(await engine().db.select().from(surveyResponses)).toEqual([]);

    expectStatus(
      await answer(member, survey.id, [
        { questionId: clarity!, value: 3 },
        { questionId: weekly!, value: false },
      ]),
      201,
    );
    expectProblem(
      await answer(member, survey.id, [
        { questionId: clarity!, value: 4 },
        { questionId: weekly!, value: true },
      ]),
      409,
      '/problems/conflict',
      'surveyId',
    );
    expect(await engine().db.select().from(surveyResponses)).toHaveLength(1);

    expectStatus(await champion.client.post(`/api/v1/surveys/${survey.id}/close`), 200);
    expectProblem(
      await answer(champion, survey.id, [
        { questionId: clarity!, value: 4 },
        { questionId: weekly!, value: true },
      ]),
      409,
      '/problems/conflict',
      'surveyId',
    );
  });

  it('refuses a scope with a team of another organisation, naming teamIds', async () => {
    const champion = await addChampion(t.owner.client);
    const ours = await createTeam(t.owner.client, { name: 'Ours' });
    // A second organisation on the same database, made directly: setup only runs once per instance.
    const [other] = await engine().db.insert(organizations).values({ name: 'Other' }).returning();
    const [theirs] = await engine().db.insert(teams).values({ orgId: other!.id, name: 'Theirs' }).returning();
    expectProblem(
      await champion.client.post('/api/v1/surveys', { title: 'X', questions: [CLARITY], scope: 'teams', teamIds: [ours.id, theirs!.id] }),
      404,
      '/problems/not-found',
      'teamIds',
    );
    expect(await engine().db.select().from(surveyTeams)).toEqual([]);
    expectProblem(
      await champion.client.post('/api/v1/surveys', { title: 'X', questions: [CLARITY], scope: 'teams' }),
      422,
      '/problems/validation-failed',
      'teamIds',
    );
  });

  it('links no response to a person in any API answer, table row, notification or log line', async () => {
    const champion = await addChampion(t.owner.client);
    const team = await createTeam(t.owner.client, { name: 'Web' });
    const people = await teamOf(t.owner.client, team.id, 5, 'Web');
    const survey = await createSurvey(champion.client, { questions: [CLARITY, { kind: 'text', text: 'What would help?' }] });
    const [clarity, help] = await questionsOf(people[0]!, survey.id);
    logLines.length = 0;
    for (const [i, person] of people.entries()) {
      const response = await answer(person, survey.id, [
        { questionId: clarity!, value: 1 + i },
        { questionId: help!, value: `idea ${i}` },
      ]);
      expectStatus(response, 201);
      expect(response.body).toEqual({ received: true });
    }
    const responses = await engine().db.select().from(surveyResponses);
    expect(responses).toHaveLength(5);
    for (const row of responses) expect(Object.keys(row).sort()).toEqual(['day', 'id', 'orgId', 'surveyId', 'teamId']);
    const participants = await engine().db.select().from(surveyParticipants);
    expect(Object.keys(participants[0]!).sort()).toEqual(['orgId', 'surveyId', 'userId']);

    const results = await champion.client.get(`/api/v1/surveys/${survey.id}/results`);
    const everything = [
      results.text,
      (await champion.client.get(`/api/v1/surveys`)).text,
      JSON.stringify(await engine().db.select().from(activities)),
      JSON.stringify(await engine().db.select().from(notifications)),
      JSON.stringify(await engine().db.select().from(outbox)),
    ];
    const logs = logLines.join('\n');
    // The server did log each answer request (so the checks below read real lines).
    expect(logLines.filter((l) => l.includes('/responses')).length).toBeGreaterThanOrEqual(5);
    for (const person of people) {
      for (const text of everything) expect(text).not.toContain(person.user.name);
      // A log line may name a person (e.g. a session lookup) but never together with a response or its contents.
      for (const line of logLines.filter((l) => l.includes(person.user.id)))
        for (const row of responses) expect(line).not.toContain(row.id);
    }
    for (const row of responses) expect(logs).not.toContain(row.id);
    expect(logs).not.toMatch(/idea \d/);
    expect(JSON.stringify(await engine().db.select().from(activities))).not.toMatch(/idea \d/);

    // Free text is listed without names; the champion can hide it.
    const texts = results.body.groups[0].questions[1].texts as { id: string; text: string }[];
    expect(texts.map((x) => x.text)).toEqual(['idea 0', 'idea 1', 'idea 2', 'idea 3', 'idea 4']);
    expectStatus(await champion.client.post(`/api/v1/surveys/${survey.id}/texts`, { textIds: [texts[2]!.id], hidden: true }), 200);
    const after = await champion.client.get(`/api/v1/surveys/${survey.id}/results`);
    expect(
      after.body.groups[0].questions[1].texts.filter((x: { hidden: boolean }) => x.hidden).map((x: { text: string }) => x.text),
    ).toEqual(['idea 2']);
  });

  it('notifies the pilot scope only, and reminds those who have not answered', async () => {
    const champion = await addChampion(t.owner.client);
    const pilot = await createTeam(t.owner.client, { name: 'Pilot' });
    const later = await createTeam(t.owner.client, { name: 'Later' });
    const [inPilot, alsoInPilot] = await teamOf(t.owner.client, pilot.id, 2, 'Pilot');
    const [outside] = await teamOf(t.owner.client, later.id, 1, 'Later');
    expectStatus(await champion.client.put('/api/v1/rollout/pilot', { teamIds: [pilot.id] }), 200);
    const survey = await createSurvey(champion.client, { scope: 'pilot' });
    const noticesOf = async (userId: string) =>
      (await engine().db.select().from(notifications).where(eq(notifications.userId, userId))).filter((n) => n.kind === 'survey');
    expect(await noticesOf(inPilot!.user.id)).toHaveLength(1);
    expect(await noticesOf(outside!.user.id)).toHaveLength(0);
    expectProblem(
      await answer(outside!, survey.id, [{ questionId: (await questionsOf(inPilot!, survey.id))[0]!, value: 3 }]),
      403,
      '/problems/forbidden',
    );

    expectStatus(await answer(inPilot!, survey.id, [{ questionId: (await questionsOf(inPilot!, survey.id))[0]!, value: 3 }]), 201);
    // Reminders come every third day while the survey is open.
    expectStatus(await t.owner.client.post('/api/v1/admin/jobs/survey-reminders/run', {}), 200);
    expect(await noticesOf(alsoInPilot!.user.id)).toHaveLength(1);
    clock.setDay(addDays(clock.today, 3));
    expectStatus(await t.owner.client.post('/api/v1/admin/jobs/survey-reminders/run', {}), 200);
    expect(await noticesOf(inPilot!.user.id)).toHaveLength(1);
    expect((await noticesOf(alsoInPilot!.user.id)).map((n) => n.title)).toEqual([
      'New pulse survey: Clarity pulse',
      expect.stringMatching(/^Reminder: Clarity pulse closes on/),
    ]);
  });
});
