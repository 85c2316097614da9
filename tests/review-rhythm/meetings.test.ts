import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, type Person } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';
import { replaceLessons } from '../../src/server/services/lessons/replace-lessons.js';

interface Section {
  key: string;
  title: string;
  items: { text: string; detail?: string | null; link?: string | null }[];
}
interface MeetingPage {
  meeting: { id: string; seriesId: string };
  participants: { id: string; name: string; status: string }[];
  agenda: { sections: Section[] };
  updates: { authorName: string; update: string; commitments: string | null }[];
  notes: { agendaItem: string; body: string }[];
  decisions: { decision: string }[];
  actions: { id: string; title: string; doneAt: string | null }[];
  can: { run: boolean; postUpdate: boolean };
}

describeEachEngine('Review meetings: agendas, asynchronous parts, notes, decisions and actions', (engine) => {
  const t = useOkrWorld(engine, '2025-01-20');

  async function weeklySession() {
    const { api, cycle, owner } = t.w;
    const team = await createTeam(owner.client, { name: 'Growth' });
    const mia = await addPerson(owner.client, { name: 'Mia Member', teamId: team.id });
    const at = (title: string) => api.objectiveAt({ cycleId: cycle.id, title, teamId: team.id });
    const revenue = await at('Grow revenue');
    const mobile = await at('Ship mobile');
    await api.checkIn(revenue.kr.id, { value: 40, confidence: 8, asOf: '2025-01-10' });
    await api.checkIn(mobile.kr.id, { value: 10, confidence: 3, asOf: '2025-01-17', blockers: 'Waiting on legal' });
    const created = await owner.client.post<{ id: string; seriesId: string }>(`${API}/meetings`, {
      kind: 'weekly',
      title: 'Growth weekly',
      audience: 'team',
      teamId: team.id,
      startsAt: '2025-01-20T15:00:00Z',
      recurrence: 'weekly',
      asyncDeadline: '2025-01-20T14:00:00Z',
      participantIds: [owner.user.id, mia.user.id],
    });
    expectStatus(created, 201);
    return { team, mia, meetingId: created.body.id };
  }

  const page = async (person: Person, id: string) => {
    const response = await person.client.get<MeetingPage>(`${API}/meetings/${id}`);
    expectStatus(response, 200);
    return response.body;
  };
  const section = (p: MeetingPage, key: string) => p.agenda.sections.find((s) => s.key === key)!;

  it('generates the weekly agenda: confidence lowest first, open blockers, what moved, and who has posted', async () => {
    const { mia, meetingId } = await weeklySession();
    let view = await page(t.w.owner, meetingId);
    expect(section(view, 'confidence').items.map((i) => i.text)).toEqual(['Ship mobile KR: confidence 3', 'Grow revenue KR: confidence 8']);
    expect(section(view, 'blockers').items.map((i) => i.text)).toEqual(['Ship mobile KR: Waiting on legal']);
    expect(section(view, 'moved').items.map((i) => i.text)).toEqual(['Grow revenue KR: no recent check-in', 'Ship mobile KR: 0% → 10%']);
    expect(view.participants.map((p) => p.status)).toEqual(['missing', 'missing']);

    const posted = await mia.client.put(`${API}/meetings/${meetingId}/my-update`, {
      update: 'Legal review started',
      confidence: 5,
      commitments: 'Send the contract',
    });
    expectStatus(posted, 201);
    view = await page(t.w.owner, meetingId);
    expect(view.participants.map((p) => [p.name, p.status])).toEqual([
      ['Mia Member', 'posted'],
      ['Olivia Owner', 'missing'],
    ]);
    // Two days later the owner's part is past the deadline plus the organisation's response timeframe (24 h).
    t.clock.setDay('2025-01-22');
    view = await page(mia, meetingId);
    expect(view.participants.map((p) => p.status)).toEqual(['posted', 'overdue']);
  });

  it('keeps an action on every later agenda of the series and in its owner’s week until done', async () => {
    const { mia, meetingId } = await weeklySession();
    const action = await t.w.owner.client.post<{ id: string }>(`${API}/meetings/${meetingId}/actions`, {
      title: 'Call the lawyers',
      ownerId: mia.user.id,
      dueDate: '2025-01-24',
    });
    expectStatus(action, 201);
    await mia.client.put(`${API}/meetings/${meetingId}/my-update`, { update: 'ok', commitments: 'Send the contract' });
    const next = await t.w.owner.client.post<{ id: string; startsAt: string }>(`${API}/meetings/${meetingId}/next`, {});
    expectStatus(next, 201);
    expect(next.body.startsAt).toBe('2025-01-27T15:00:00.000Z');
    const afterNext = await t.w.owner.client.post<{ id: string }>(`${API}/meetings/${next.body.id}/next`, {});
    await mia.client.put(`${API}/meetings/${next.body.id}/my-update`, { update: 'ok', keptPrevious: true });

    const second = await page(t.w.owner, next.body.id);
    expect(section(second, 'actions').items.map((i) => i.text)).toEqual(['Call the lawyers']);
    expect(section(second, 'commitments').items).toEqual([{ text: 'Mia Member: Send the contract', detail: 'kept' }]);
    expect(section(await page(t.w.owner, afterNext.body.id), 'actions').items).toHaveLength(1);
    const week = await mia.client.get<{ title: string }[]>(`${API}/me/actions`);
    expect(week.body.map((a) => a.title)).toEqual(['Call the lawyers']);

    expectStatus(await mia.client.patch(`${API}/meeting-actions/${action.body.id}`, { done: true }), 200);
    expect(section(await page(t.w.owner, afterNext.body.id), 'actions').items).toEqual([]);
    expect((await mia.client.get<unknown[]>(`${API}/me/actions`)).body).toEqual([]);
  });

  it('takes notes and decisions from participants only, and finds decisions by their words', async () => {
    const { meetingId } = await weeklySession();
    const outsider = await addPerson(t.w.owner.client, { name: 'Otto Outsider' });
    expectStatus(
      await t.w.owner.client.post(`${API}/meetings/${meetingId}/notes`, { agendaItem: 'blockers', body: 'Escalate to legal' }),
      201,
    );
    expectProblem(
      await outsider.client.post(`${API}/meetings/${meetingId}/notes`, { agendaItem: 'blockers', body: 'Me too' }),
      403,
      '/problems/forbidden',
      'participants',
    );
    expectProblem(
      await outsider.client.put(`${API}/meetings/${meetingId}/my-update`, { update: 'hi' }),
      403,
      '/problems/forbidden',
      'participants',
    );
    const decision = { decision: 'Hire a contract lawyer for the mobile launch', ownerId: t.w.owner.user.id, decidedOn: '2025-01-20' };
    expectStatus(await t.w.owner.client.post(`${API}/meetings/${meetingId}/decisions`, decision), 201);
    const view = await page(outsider, meetingId);
    expect(view.notes.map((n) => [n.agendaItem, n.body])).toEqual([['blockers', 'Escalate to legal']]);
    expect(view.can).toEqual({ run: false, postUpdate: false });
    const found = await outsider.client.get<{ decision: string }[]>(`${API}/decisions?q=lawyer`);
    expect(found.body.map((d) => d.decision)).toEqual([decision.decision]);
    expect((await outsider.client.get<unknown[]>(`${API}/decisions?q=pricing`)).body).toEqual([]);
  });

  it('opens a quarterly review with the cycle evaluation and the lessons written so far', async () => {
    const { team } = await weeklySession();
    const { owner, orgId, cycle } = t.w;
    const retrospective = {
      orgId,
      cycleId: cycle.id,
      authorId: owner.user.id,
      objectiveId: null,
      outcome: null,
      sourceKind: 'retrospective',
      sourceId: team.id,
      teamId: team.id,
    } as const;
    await engine().db.transaction((tx) => replaceLessons(tx, retrospective, [{ text: 'Legal reviews need two weeks', tags: [] }]));
    const review = await owner.client.post<{ id: string }>(`${API}/meetings`, {
      kind: 'quarterly_review',
      title: 'Growth quarterly',
      audience: 'team',
      teamId: team.id,
      startsAt: '2025-01-20T15:00:00Z',
      participantIds: [owner.user.id],
    });
    expectStatus(review, 201);
    const items = section(await page(owner, review.body.id), 'evaluation').items;
    // Grow revenue at 40% (partially) and Ship mobile at 10% (missed), scored as they stand: the cycle is not closed.
    expect(items.map((i) => i.text)).toEqual([
      'Committed objectives: 0 of 2 achieved, 1 partially, 1 missed (so far)',
      'Key results: 1 below 0.4, 1 from 0.4 to 0.69, 0 at 0.7 or above',
      'Check-ins on time: 25%',
      'Lesson: Legal reviews need two weeks',
    ]);
  });

  it('refuses a meeting without participants or with strangers, and keeps one-on-ones private', async () => {
    const { owner } = t.w;
    const base = { kind: 'weekly', title: 'Company weekly', audience: 'company', startsAt: '2025-01-21T10:00:00Z' };
    const post = (body: object) => owner.client.post(`${API}/meetings`, { ...base, ...body });
    expectProblem(await post({ participantIds: [] }), 422, '/problems/validation-failed', 'participantIds');
    expectProblem(
      await post({ participantIds: [owner.user.id, 'someone-from-elsewhere'] }),
      422,
      '/problems/validation-failed',
      'participantIds',
    );
    expectProblem(await post({ participantIds: [owner.user.id], audience: 'team' }), 422, '/problems/validation-failed', 'teamId');
    expectProblem(
      await post({ participantIds: [owner.user.id], asyncDeadline: '2025-01-22T10:00:00Z' }),
      422,
      '/problems/validation-failed',
      'asyncDeadline',
    );
    const report = await addPerson(owner.client, { name: 'Rae Report' });
    const other = await addPerson(owner.client, { name: 'Otto Other' });
    const theirs = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Learn pricing' });
    const kr = await t.w.api.createKeyResult(theirs.objective.id, { ...percent('Pricing page live'), ownerId: report.user.id });
    for (const initiative of [
      { title: 'Draft the pricing page', dueDate: '2025-02-01' },
      { title: 'Survey customers', status: 'in_progress' },
      { title: 'Old idea', status: 'dropped' },
    ])
      expectStatus(await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, initiative), 201);
    const oneOnOne = await post({ kind: 'one_on_one', audience: 'pair', title: '1:1', participantIds: [owner.user.id, report.user.id] });
    expectStatus(oneOnOne, 201);
    const id = (oneOnOne.body as { id: string }).id;
    const agenda = await page(report, id);
    expect(section(agenda, 'coaching').items.at(-1)!.text).toBe('What would you like to learn or try next?');
    expect(section(agenda, 'initiatives').items, "the report's open initiatives, soonest due first").toEqual([
      {
        text: 'Draft the pricing page (planned)',
        detail: 'for Pricing page live, due 2025-02-01',
        link: `/objectives/${theirs.objective.id}`,
      },
      { text: 'Survey customers (in progress)', detail: 'for Pricing page live', link: `/objectives/${theirs.objective.id}` },
    ]);
    expectProblem(await other.client.get(`${API}/meetings/${id}`), 404, '/problems/not-found');
    expect((await other.client.get<{ id: string }[]>(`${API}/meetings`)).body.map((m) => m.id)).not.toContain(id);
  });
});
