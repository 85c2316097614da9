import { afterAll, beforeAll, expect, it } from 'vitest';
import { surveyAnswers, surveyResponses } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectStatus, setUpOrganization } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postImport } from '../imports/support.js';
import { exportDocument } from './support.js';

const CLARITY = { kind: 'scale', theme: 'clarity', text: "I understand how my work contributes to the company's objectives." } as const;

describeEachEngine('importing survey answers from an export written before they carried their team', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine().handle);
  });
  afterAll(() => server?.close());

  // Two resets, six people signed up and an import: half a minute on a loaded machine.
  it("fills each answer's team from its response, so the results group them as before", { timeout: 120_000 }, async () => {
    await engine().reset();
    const { owner } = await setUpOrganization(server.url, { email: 'olivia@example.test' });
    const north = await createTeam(owner.client, { name: 'North' });
    const created = await owner.client.post('/api/v1/surveys', { title: 'Pulse', questions: [CLARITY], scope: 'everyone' });
    expectStatus(created, 201);
    const surveyId = (created.body as { id: string }).id;
    const questionId = ((await owner.client.get(`/api/v1/surveys/${surveyId}`)).body.questions as { id: string }[])[0]!.id;
    for (let i = 0; i < 5; i++) {
      const person = await addPerson(owner.client, { teamId: north.id, name: `North ${i + 1}` });
      expectStatus(await person.client.post(`/api/v1/surveys/${surveyId}/responses`, { answers: [{ questionId, value: 4 }] }), 201);
    }
    const document = await exportDocument(owner.client);
    expect(document.tables.survey_answers!.every((a) => a.team_id === north.id)).toBe(true);
    // As an earlier Cairn wrote it: no team_id on the answers.
    for (const answer of document.tables.survey_answers!) delete answer.team_id;

    await engine().reset();
    const fresh = await setUpOrganization(server.url, { organization: 'Empty', email: 'olivia@example.test' });
    expectStatus(await postImport(fresh.owner.client, JSON.stringify(document), { dryRun: 'false' }, 'org.json'), 201);
    const responses = await engine().db.select().from(surveyResponses);
    const answers = await engine().db.select().from(surveyAnswers);
    expect(answers).toHaveLength(5);
    const teamOf = new Map(responses.map((r) => [r.id, r.teamId]));
    expect(answers.every((a) => a.teamId !== null && a.teamId === teamOf.get(a.responseId))).toBe(true);
    const results = await fresh.owner.client.get(`/api/v1/surveys/${responses[0]!.surveyId}/results`);
    expectStatus(results, 200);
    expect(results.body.groups.map((g: { name: string; responses: number }) => [g.name, g.responses])).toEqual([['North', 5]]);
  });
});
