import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAuthSecret } from '../../src/server/auth/secret.js';
import type { JobContext } from '../../src/server/jobs/context.js';
import { dispatchOutbox } from '../../src/server/jobs/dispatcher.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, setUpOrganization } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, OkrApi, percent } from '../okrs/support.js';
import { startHookReceiver, type HookReceiver } from '../rhythm/receivers.js';
import { startEventReceiver, type EventReceiver } from './receiver.js';

const ALL_EVENTS = [
  'check_in.created',
  'check_in.corrected',
  'objective.published',
  'objective.status_changed',
  'key_result.target_reached',
  'blocker.raised',
  'cycle.phase_changed',
  'cycle.closed',
];
const MINUTE = 60_000;

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  secret?: string;
}

describeEachEngine('signed event webhooks', (engine) => {
  let server: TestServer;
  let strict: TestServer;
  let secondDay: TestServer;
  let jobs: JobContext;
  let receiver: EventReceiver | undefined;
  let chat: HookReceiver | undefined;
  beforeAll(async () => {
    server = await startTestServer(engine().handle, { config: { webhookAllowPrivate: true } });
    // The second day of the Q4 2026 cycle the first test uses: pace has barely started, so every objective stays on
    // track and no progress-status event joins its list (tests/webhooks/status-events.test.ts covers those).
    secondDay = await startTestServer(engine().handle, {
      clock: () => new Date('2026-10-02T12:00:00Z'),
      config: { webhookAllowPrivate: true },
    });
    strict = await startTestServer(engine().handle);
    const mailer = createMailer(undefined, 'Cairn <cairn@example.test>');
    jobs = {
      db: engine().handle.db,
      config: server.config,
      clock: () => new Date(),
      mailer,
      secret: await resolveAuthSecret(engine().handle.db, server.config.secret),
    };
  });
  afterAll(async () => {
    await receiver?.close();
    await chat?.close();
    await server?.close();
    await strict?.close();
    await secondDay?.close();
  });

  /** Two dispatcher ticks: the first attempt of each event fails (500), the retry after the backoff succeeds. */
  async function deliverWithRetry() {
    const first = await dispatchOutbox(jobs, { now: new Date() });
    const second = await dispatchOutbox(jobs, { now: new Date(Date.now() + 2 * MINUTE) });
    return { first, second };
  }

  it(
    'signs every event in the Standard Webhooks form and delivers each exactly once after a failed attempt',
    { timeout: 180_000 },
    async () => {
      await engine().reset();
      const { owner } = await setUpOrganization(secondDay.url);
      const api = new OkrApi(owner.client);
      chat = await startHookReceiver([200]);
      const team = await createTeam(owner.client, { name: 'Platform' });
      expectStatus(await owner.client.patch(`${API}/teams/${team.id}`, { webhookUrl: chat.url }), 200);

      receiver = await startEventReceiver('whsec_' + Buffer.from('placeholder-secret-bytes-1234').toString('base64'));
      const created = await owner.client.post<Endpoint>(`${API}/webhooks`, {
        url: receiver.url,
        events: ALL_EVENTS,
        description: 'Data lake',
      });
      expectStatus(created, 201);
      const secret = created.body.secret!;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
      receiver.setSecret(secret);
      const listed = await owner.client.get<Endpoint[]>(`${API}/webhooks`);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).not.toHaveProperty('secret');
      expect(listed.text).not.toContain(secret.slice(6, 20));

      const cycle = await api.createCycle({ name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31' });
      await api.patchCycle(cycle.id, { status: 'active' });
      const objective = await api.createPublished({ cycleId: cycle.id, title: 'Happy customers', teamId: team.id });
      const kr = await api.createKeyResult(objective.id, percent('NPS to 100'));
      const checkIn = await api.checkIn(kr.id, { value: 40, confidence: 6, blockers: 'Waiting on the survey vendor' });
      expectStatus(await owner.client.patch(`${API}/check-ins/${checkIn.id}`, { value: 100 }), 200);
      await api.patchCycle(cycle.id, { status: 'review' });
      await api.patchCycle(cycle.id, { status: 'closed', closeOverrideReason: 'Test: closing early' });

      const { first, second } = await deliverWithRetry();
      const expectedTypes = [
        'cycle.phase_changed', // planning → active
        'objective.published',
        'check_in.created',
        'blocker.raised',
        'check_in.corrected',
        'key_result.target_reached',
        'cycle.phase_changed', // active → review
        'cycle.phase_changed', // review → closed
        'cycle.closed',
      ];
      expect(receiver.forged).toHaveLength(0);
      expect(receiver.accepted.map((e) => e.type).sort()).toEqual([...expectedTypes].sort());
      const ids = receiver.accepted.map((e) => e.id);
      expect(new Set(ids).size, 'each event exactly once').toBe(ids.length);
      // Every event was attempted twice with the same id: 500, then 200.
      for (const id of ids) {
        const tries = receiver.attempts.filter((a) => a.headers['webhook-id'] === id);
        expect(tries.map((a) => a.status)).toEqual([500, 200]);
      }
      expect(first.retried).toBeGreaterThanOrEqual(expectedTypes.length);
      expect(second.sent).toBeGreaterThanOrEqual(expectedTypes.length);
      // A third tick sends nothing again.
      const before = receiver.attempts.length;
      await dispatchOutbox(jobs, { now: new Date(Date.now() + 60 * MINUTE) });
      expect(receiver.attempts.filter((a) => a.headers['webhook-id']).length).toBe(before);

      // The payload: id, type, timestamp and the resource as the API presents it.
      const created0 = receiver.accepted.find((e) => e.type === 'check_in.created')!;
      expect(created0.id).toMatch(/^evt_/);
      expect(new Date(created0.timestamp).toString()).not.toBe('Invalid Date');
      expect(created0.data).toMatchObject({
        checkIn: { id: checkIn.id, keyResultId: kr.id, value: 40, blockers: 'Waiting on the survey vendor' },
        keyResult: { id: kr.id, title: 'NPS to 100' },
        objective: { id: objective.id, title: 'Happy customers' },
      });
      const closing = receiver.accepted.filter((e) => e.type === 'cycle.phase_changed').map((e) => e.data);
      expect(closing).toContainEqual(expect.objectContaining({ from: 'review', to: 'closed' }));
      expect(receiver.accepted.find((e) => e.type === 'objective.published')!.data).toMatchObject({
        objective: { id: objective.id, status: 'active' },
      });

      // The team's chat webhook hears of the blocker and the win too.
      const texts = chat.calls.map((c) => (c.body as { text: string }).text);
      expect(texts.some((t) => t.includes('Blocker on “NPS to 100”') && t.includes('survey vendor'))).toBe(true);
      expect(texts.some((t) => t.includes('Target reached: “NPS to 100”'))).toBe(true);

      // The delivery log: both attempts, with status and response time.
      const log = await owner.client.get<{ eventType: string; statusCode: number; responseMs: number; attempt: number }[]>(
        `${API}/webhooks/${created.body.id}/deliveries`,
      );
      expectStatus(log, 200);
      expect(log.body).toHaveLength(expectedTypes.length * 2);
      expect(log.body.filter((d) => d.statusCode === 500 && d.attempt === 1)).toHaveLength(expectedTypes.length);
      expect(log.body.filter((d) => d.statusCode === 200 && d.attempt === 2)).toHaveLength(expectedTypes.length);
      expect(log.body.every((d) => d.responseMs >= 0)).toBe(true);
    },
  );

  it(
    'sends a test event at once, rotates the secret, filters by event and keeps restricted objectives inside',
    { timeout: 180_000 },
    async () => {
      await engine().reset();
      const { owner } = await setUpOrganization(server.url);
      const api = new OkrApi(owner.client);
      await receiver?.close();
      receiver = await startEventReceiver('whsec_' + Buffer.from('placeholder-secret-bytes-1234').toString('base64'));
      const created = await owner.client.post<Endpoint>(`${API}/webhooks`, { url: receiver.url, events: ['check_in.created'] });
      receiver.setSecret(created.body.secret!);
      const id = created.body.id;

      const test = await owner.client.post<{ result: string }>(`${API}/webhooks/${id}/test`);
      expectStatus(test, 200);
      expect(test.body.result).toBe('retried'); // the receiver fails every first attempt
      expect(receiver.attempts).toHaveLength(1);
      expect(JSON.parse(receiver.attempts[0]!.body)).toMatchObject({ type: 'webhook.test' });
      await dispatchOutbox(jobs, { now: new Date(Date.now() + 2 * MINUTE) });
      expect(receiver.accepted.map((e) => e.type)).toEqual(['webhook.test']);

      const rotated = await owner.client.post<Endpoint>(`${API}/webhooks/${id}/rotate-secret`);
      expectStatus(rotated, 200);
      expect(rotated.body.secret).not.toBe(created.body.secret);
      // Still verifying with the old secret: the next delivery is refused as forged.
      const cycle = await api.createCycle({ name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' });
      const open = await api.createPublished({ cycleId: cycle.id, title: 'Open' });
      const hidden = await api.createPublished({ cycleId: cycle.id, title: 'Hidden', visibility: 'private' });
      const openKr = await api.createKeyResult(open.id, percent('Visible KR'));
      const hiddenKr = await api.createKeyResult(hidden.id, percent('Secret KR'));
      await api.checkIn(hiddenKr.id, { value: 10 });
      await api.checkIn(openKr.id, { value: 10 });
      await dispatchOutbox(jobs, { now: new Date() });
      expect(receiver.forged).toHaveLength(1);
      receiver.setSecret(rotated.body.secret!);
      await dispatchOutbox(jobs, { now: new Date(Date.now() + 2 * MINUTE) });
      // The third attempt, after the second backoff; still within the receiver's 5-minute timestamp tolerance.
      await dispatchOutbox(jobs, { now: new Date(Date.now() + 4.5 * MINUTE) });
      const checkIns = receiver.accepted.filter((e) => e.type === 'check_in.created');
      expect(checkIns).toHaveLength(1);
      expect(checkIns[0]!.data).toMatchObject({ keyResult: { id: openKr.id } });
      expect(receiver.attempts.map((a) => a.body).join('\n')).not.toContain('Secret KR');
      // Subscribed to check-ins only: no objective or cycle events arrived.
      expect(receiver.accepted.every((e) => e.type === 'check_in.created' || e.type === 'webhook.test')).toBe(true);

      // Disabled endpoints receive nothing; deleting removes it and its log.
      expectStatus(await owner.client.patch(`${API}/webhooks/${id}`, { enabled: false }), 200);
      const countBefore = receiver.attempts.length;
      await api.checkIn(openKr.id, { value: 20 });
      await dispatchOutbox(jobs, { now: new Date(Date.now() + 20 * MINUTE) });
      expect(receiver.attempts).toHaveLength(countBefore);
      expectStatus(await owner.client.delete(`${API}/webhooks/${id}`), 204);
      expectStatus(await owner.client.get(`${API}/webhooks/${id}/deliveries`), 404);

      // Create, rotate and delete are in the audit log, never with the secret.
      const audit = await owner.client.get<{ action: string }[]>(`${API}/audit?limit=50`);
      expectStatus(audit, 200);
      const actions = audit.body.map((e) => e.action);
      for (const action of ['webhook.created', 'webhook.secret-rotated', 'webhook.deleted']) expect(actions).toContain(action);
      expect(audit.text).not.toContain(created.body.secret!.slice(6, 20));
      expect(audit.text).not.toContain(rotated.body.secret!.slice(6, 20));
    },
  );

  it(
    'refuses private and loopback URLs with 400 naming url unless the instance allows them, and non-managers',
    { timeout: 180_000 },
    async () => {
      await engine().reset();
      const { owner } = await setUpOrganization(strict.url);
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://10.0.0.5/x',
        'http://[::1]/x',
        'http://localhost:3000/x',
        'http://169.254.169.254/latest',
      ]) {
        const response = await owner.client.post(`${API}/webhooks`, { url, events: ['cycle.closed'] });
        expectProblem(response, 400, '/problems/validation-failed', 'url');
      }
      expectProblem(
        await owner.client.post(`${API}/webhooks`, { url: 'ftp://example.com/x', events: ['cycle.closed'] }),
        400,
        '/problems/validation-failed',
        'url',
      );
      expectProblem(
        await owner.client.post(`${API}/webhooks`, { url: 'https://example.com/x', events: [] }),
        400,
        '/problems/validation-failed',
        'events',
      );
      expectProblem(
        await owner.client.post(`${API}/webhooks`, { url: 'https://example.com/x', events: ['nope'] }),
        400,
        '/problems/validation-failed',
        'events[0]',
      );
      const ok = await owner.client.post<Endpoint>(`${API}/webhooks`, { url: 'https://hooks.example.com/cairn', events: ['cycle.closed'] });
      expectStatus(ok, 201);
      expectProblem(
        await owner.client.patch(`${API}/webhooks/${ok.body.id}`, { url: 'http://192.168.1.10/x' }),
        400,
        '/problems/validation-failed',
        'url',
      );
      expect((await owner.client.get<Endpoint[]>(`${API}/webhooks`)).body.map((e) => e.url)).toEqual(['https://hooks.example.com/cairn']);

      const member = await addPerson(owner.client, { role: 'member' });
      expectStatus(await member.client.get(`${API}/webhooks`), 403);
      expectStatus(await member.client.post(`${API}/webhooks`, { url: 'https://hooks.example.com/x', events: ['cycle.closed'] }), 403);
    },
  );
});

describe('the webhook event vocabulary', () => {
  it('lists the events the issue names', () => expect(ALL_EVENTS).toHaveLength(8));
});
