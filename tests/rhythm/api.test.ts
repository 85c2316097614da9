import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { activities, checkIns, comments } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { percent } from '../okrs/support.js';
import { API, MovableClock, setUpRhythmWorld, startRhythmServer, type RhythmServer, type RhythmWorld } from './support.js';

describeEachEngine('rhythm API', (engine) => {
  const clock = new MovableClock('2025-02-14T12:00:00Z');
  let server: RhythmServer;
  let w: RhythmWorld;
  beforeAll(async () => {
    server = await startRhythmServer(engine().handle, clock);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    await engine().reset();
    clock.set('2025-02-14T12:00:00Z');
    w = await setUpRhythmWorld(server.url);
  });

  const put = (client: Client, body: unknown) => client.request('PUT', `${API}/organization/rhythm`, { body });

  it('runs a job for admins only: 401 signed out, 403 for members, 404 for an unknown job', async () => {
    expectProblem(await new Client(server.url).post(`${API}/admin/jobs/reminders/run`), 401, '/problems/unauthenticated');
    expectProblem(await w.lead.client.post(`${API}/admin/jobs/reminders/run`), 403, '/problems/forbidden');
    expectProblem(await w.owner.client.post(`${API}/admin/jobs/nightly-backup/run`), 404, '/problems/not-found', 'name');
    // Housekeeping spans the instance: the ticker and `cairn jobs run` run it, not an organisation's admin.
    expectProblem(await w.owner.client.post(`${API}/admin/jobs/housekeeping/run`), 404, '/problems/not-found', 'name');
    expectProblem(await w.member.client.get(`${API}/admin/outbox`), 403, '/problems/forbidden');
    expectProblem(await w.member.client.get(`${API}/admin/jobs`), 403, '/problems/forbidden');

    clock.set('2025-02-17T09:00:00Z');
    const first = await w.owner.client.post(`${API}/admin/jobs/reminders/run`);
    expectStatus(first, 200);
    expect(first.body).toMatchObject({
      job: 'reminders',
      at: '2025-02-17T09:00:00.000Z',
      totals: { ran: 2, skipped: 0, errors: 0, keyResults: 2, notified: 1, webhooks: 0 },
    });
    expect(first.body.periods.map((p: { key: string }) => p.key).sort()).toEqual([
      `company:${w.orgId}:2025-02-17`,
      `team:${w.teamId}:2025-02-17`,
    ]);
    const again = await w.owner.client.post(`${API}/admin/jobs/reminders/run`);
    expect(again.body.totals, 'already claimed: skipped').toMatchObject({ ran: 0, skipped: 2 });
    const forced = await w.owner.client.post(`${API}/admin/jobs/reminders/run`, { force: true });
    expect(forced.body.totals, 'forced: runs, notifies nobody twice').toMatchObject({ ran: 2, notified: 0 });

    const jobs = await w.owner.client.get(`${API}/admin/jobs`);
    expectStatus(jobs, 200);
    expect(jobs.body.map((j: { name: string }) => j.name)).toEqual([
      'review-opening',
      'reminders',
      'escalation',
      'digest',
      'survey-rounds',
      'survey-reminders',
      'proxy-reminders',
      'report-emails',
      'status-changes',
      'dispatch',
      'rollout-figures',
      'kpi-follows',
    ]);
    const job = (name: string) => jobs.body.find((j: { name: string }) => j.name === name);
    expect(job('reminders').lastRun).toMatchObject({ startedAt: '2025-02-17T09:00:00.000Z', finishedAt: '2025-02-17T09:00:00.000Z' });
    expect(job('escalation').lastRun).toBeNull();
  });

  it('reads and validates the response timeframes, naming the field', async () => {
    const defaults = await w.member.client.get(`${API}/organization/rhythm`);
    expect(defaults.body).toEqual({
      updateWithinHours: 24,
      answerWithinHours: 24,
      escalateAfterHours: 48,
      digestDay: 1,
      digestHour: 9,
      timeZone: 'Europe/Paris',
    });
    expectProblem(await put(w.member.client, { updateWithinHours: 8 }), 403, '/problems/forbidden');
    for (const [body, field] of [
      [{ updateWithinHours: 0 }, 'updateWithinHours'],
      [{ answerWithinHours: 673 }, 'answerWithinHours'],
      [{ escalateAfterHours: 1.5 }, 'escalateAfterHours'],
      [{ digestDay: 7 }, 'digestDay'],
      [{ digestHour: -1 }, 'digestHour'],
      [{ digestHour: '9' }, 'digestHour'],
    ] as const) {
      expectProblem(await put(w.owner.client, body), 400, '/problems/validation-failed', field);
    }
    const saved = await put(w.owner.client, { updateWithinHours: 8, answerWithinHours: 4, digestDay: 5, digestHour: 16 });
    expectStatus(saved, 200);
    expect(saved.body).toEqual({
      updateWithinHours: 8,
      answerWithinHours: 4,
      escalateAfterHours: 48,
      digestDay: 5,
      digestHour: 16,
      timeZone: 'Europe/Paris',
    });
    expect((await w.member.client.get(`${API}/organization/rhythm`)).body).toEqual(saved.body);
    const [activity] = await engine().db.select().from(activities).where(eq(activities.action, 'organization.rhythm-updated'));
    expect(activity).toMatchObject({
      actorId: w.owner.user.id,
      before: expect.objectContaining({ updateWithinHours: 24 }),
      after: expect.objectContaining({ updateWithinHours: 8 }),
    });
  });

  it("validates a team's check-in day, hour and webhook URL, and keeps the URL from members and the audit trail", async () => {
    const patch = (body: unknown) => w.owner.client.patch(`${API}/teams/${w.teamId}`, body);
    for (const url of ['ftp://files.example.test/hook', 'hooks.slack.com/services/T0/B0/x', 'javascript:alert(1)', 'https://', '']) {
      expectProblem(await patch({ webhookUrl: url }), 400, '/problems/validation-failed', 'webhookUrl');
    }
    expectProblem(await patch({ checkInDay: 7 }), 400, '/problems/validation-failed', 'checkInDay');
    expectProblem(await patch({ checkInHour: 24 }), 400, '/problems/validation-failed', 'checkInHour');
    const secret = 'https://hooks.slack.com/services/T000/B000/very-secret';
    const saved = await patch({ checkInCadence: 'biweekly', checkInDay: 4, checkInHour: 15, webhookUrl: secret });
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({ checkInCadence: 'biweekly', checkInDay: 4, checkInHour: 15, hasWebhook: true });
    expect(saved.text).not.toContain('very-secret');

    const forAdmin = await w.owner.client.get(`${API}/organization/rhythm/teams`);
    expect(forAdmin.body).toEqual([
      expect.objectContaining({
        id: w.teamId,
        checkInCadence: 'biweekly',
        checkInDay: 4,
        checkInHour: 15,
        hasWebhook: true,
        webhookUrl: secret,
        nextDueAt: expect.stringMatching(/T14:00:00\.000Z$/),
      }),
    ]);
    const forMember = await w.member.client.get(`${API}/organization/rhythm/teams`);
    expect(forMember.body[0]).toMatchObject({ hasWebhook: true, webhookUrl: null });
    expect((await w.member.client.get(`${API}/teams`)).text).not.toContain('very-secret');
    const audit = await engine()
      .db.select()
      .from(activities)
      .where(and(eq(activities.entityType, 'team'), eq(activities.entityId, w.teamId)));
    expect(JSON.stringify(audit)).not.toContain('very-secret');

    expect((await patch({ webhookUrl: null })).body.hasWebhook).toBe(false);
  });

  it('lists what needs attention, oldest first: overdue check-ins and unanswered blockers', async () => {
    const cycleId = (await w.api.objective(w.objectiveId)).cycleId;
    const company = await w.api.createObjective({ cycleId, title: 'Grow revenue' });
    const arr = await w.api.createKeyResult(company.id, { ...percent('ARR to 2M'), ownerId: w.owner.user.id });
    await w.api.publish(company.id);
    const raise = async (client: Client, keyResultId: string, blockers: string, createdAt: string) => {
      clock.set(createdAt);
      const response = await client.post(`${API}/key-results/${keyResultId}/check-ins`, { value: 10, blockers });
      expectStatus(response, 201);
      // created_at is the database's own clock; put it where the test's clock is.
      await engine()
        .db.update(checkIns)
        .set({ createdAt: new Date(createdAt) })
        .where(eq(checkIns.id, response.body.id));
      return response.body.id as string;
    };
    await raise(w.member.client, w.krs[0]!.id, 'Waiting on API keys', '2025-02-16T08:00:00Z');
    await raise(w.owner.client, arr.id, 'Budget not approved', '2025-02-18T06:00:00Z');
    const answered = await raise(w.member.client, w.krs[0]!.id, 'Flaky CI', '2025-02-16T09:00:00Z');
    await engine()
      .db.insert(comments)
      .values({ orgId: w.orgId, targetType: 'check_in', targetId: answered, authorId: w.lead.user.id, body: 'On it' });
    const selfAnswered = await raise(w.member.client, w.krs[0]!.id, 'No staging server', '2025-02-16T10:00:00Z');
    await engine()
      .db.insert(comments)
      .values({ orgId: w.orgId, targetType: 'check_in', targetId: selfAnswered, authorId: w.member.user.id, body: 'Anyone?' });

    const list = async (iso: string) => {
      clock.set(iso);
      const response = await w.lead.client.get(`${API}/attention`);
      expectStatus(response, 200);
      return response.body.map(
        (i: { kind: string; since: string; what: string; who: { name: string } | null }) =>
          `${i.since} ${i.kind} ${i.who?.name}: ${i.what}`,
      );
    };
    // Deploys per day was due Monday 17 February 10:00 Paris; 24 hours later it is overdue.
    expect(await list('2025-02-18T08:59:00Z')).toEqual([
      '2025-02-16T08:00:00.000Z unanswered_blocker Max Member: Blocker unanswered: Uptime to 99.9 (Ship the platform)',
      '2025-02-16T10:00:00.000Z unanswered_blocker Max Member: Blocker unanswered: Uptime to 99.9 (Ship the platform)',
    ]);
    expect(await list('2025-02-18T09:00:00Z')).toEqual([
      '2025-02-16T08:00:00.000Z unanswered_blocker Max Member: Blocker unanswered: Uptime to 99.9 (Ship the platform)',
      '2025-02-16T10:00:00.000Z unanswered_blocker Max Member: Blocker unanswered: Uptime to 99.9 (Ship the platform)',
      '2025-02-17T09:00:00.000Z overdue_check_in Max Member: Check-in missing: Deploys per day (Ship the platform)',
    ]);
    expectStatus(await put(w.owner.client, { answerWithinHours: 4 }), 200);
    expect(await list('2025-02-18T09:59:00Z'), 'raised at 06:00, four hours not yet up').toHaveLength(3);
    clock.set('2025-02-18T10:00:00Z');
    const items = await w.lead.client.get(`${API}/attention`);
    expect(items.body.map((i: { since: string }) => i.since)).toEqual([
      '2025-02-16T08:00:00.000Z',
      '2025-02-16T10:00:00.000Z',
      '2025-02-17T09:00:00.000Z',
      '2025-02-18T06:00:00.000Z',
    ]);
    expect(items.body[3]).toMatchObject({
      kind: 'unanswered_blocker',
      who: { id: w.owner.user.id, name: 'Olivia Owner' },
      detail: 'Budget not approved',
      link: `/objectives/${company.id}`,
      overdueAt: '2025-02-18T10:00:00.000Z',
    });
    expect(items.body[2]).toMatchObject({
      link: `/objectives/${w.objectiveId}`,
      keyResultId: w.krs[1]!.id,
      teamId: w.teamId,
      overdueAt: '2025-02-18T09:00:00.000Z',
    });
    const mine = await w.lead.client.get(`${API}/attention?personId=${w.owner.user.id}`);
    expect(mine.body).toHaveLength(1);
  });
});
