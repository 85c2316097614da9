import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveAuthSecret } from '../../src/server/auth/secret.js';
import type { JobContext } from '../../src/server/jobs/context.js';
import { dispatchOutbox } from '../../src/server/jobs/dispatcher.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, percent, setUpOkrWorld } from '../okrs/support.js';
import { MovableClock, runJobs } from '../rhythm/support.js';
import { startEventReceiver, type EventReceiver } from './receiver.js';

const MINUTE = 60_000;

/*
 * objective.status_changed for progress status (issue 20). Published on 4 January, the objective's pace runs over
 * the 87 days to 31 March: it expects 0.48 on 15 February and 0.75 on 10 March; on track within 0.1 of pace, at
 * risk within 0.25 (the default margins).
 */
describeEachEngine('objective.status_changed on progress status', (engine) => {
  const clock = new MovableClock('2025-01-04T09:00:00Z');
  let server: TestServer;
  let jobs: JobContext;
  let receiver: EventReceiver | undefined;
  beforeAll(async () => {
    server = await startTestServer(engine().handle, { clock: clock.now, config: { webhookAllowPrivate: true } });
    jobs = {
      db: engine().handle.db,
      config: server.config,
      clock: () => new Date(),
      mailer: createMailer(undefined, 'Cairn <cairn@example.test>'),
      secret: await resolveAuthSecret(engine().handle.db, server.config.secret),
    };
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  /** The receiver fails each first attempt: two ticks deliver everything queued, each event once. */
  async function deliver() {
    await dispatchOutbox(jobs, { now: new Date() });
    await dispatchOutbox(jobs, { now: new Date(Date.now() + 2 * MINUTE) });
    return receiver!.accepted.filter((e) => e.type === 'objective.status_changed');
  }
  const moves = (events: { data: Record<string, unknown> }[]) => events.map((e) => `${String(e.data.from)} → ${String(e.data.to)}`).sort();
  const backOnTrack = (events: { data: Record<string, unknown> }[]) => events.find((e) => e.data.to === 'on_track')!;

  it(
    'fires when a check-in moves the status and when time alone does, once, for objectives everyone may read',
    { timeout: 180_000 },
    async () => {
      await engine().reset();
      clock.set('2025-01-04T09:00:00Z');
      const { owner, api, cycle } = await setUpOkrWorld(server.url);
      receiver = await startEventReceiver('whsec_' + Buffer.from('placeholder-secret-bytes-1234').toString('base64'));
      const created = await owner.client.post<{ id: string; secret: string }>(`${API}/webhooks`, {
        url: receiver.url,
        events: ['objective.status_changed'],
      });
      expectStatus(created, 201);
      receiver.setSecret(created.body.secret);

      const open = await api.createPublished({ cycleId: cycle.id, title: 'Happy customers' });
      const hidden = await api.createPublished({ cycleId: cycle.id, title: 'Quiet plan', visibility: 'private' });
      const kr = await api.createKeyResult(open.id, percent('NPS to 100'));
      const hiddenKr = await api.createKeyResult(hidden.id, percent('Secret KR'));
      expect(await deliver(), 'on track from the start: nothing to announce').toEqual([]);

      // Six weeks on, pace expects half: 10% is off track, then 45% back on track; 47% stays there.
      clock.set('2025-02-15T09:00:00Z');
      await api.checkIn(kr.id, { value: 10 });
      await api.checkIn(hiddenKr.id, { value: 10 });
      await api.checkIn(kr.id, { value: 45 });
      await api.checkIn(kr.id, { value: 47 });
      const written = await deliver();
      expect(moves(written)).toEqual(['off_track → on_track', 'on_track → off_track']);
      expect(backOnTrack(written).data).toMatchObject({
        aspect: 'progress',
        objective: { id: open.id, title: 'Happy customers', status: 'active', progressStatus: 'on_track' },
      });
      expect((backOnTrack(written).data.objective as { progress: number }).progress).toBeCloseTo(0.45, 9);
      expect(receiver.attempts.map((a) => a.body).join('\n')).not.toContain('Quiet plan');

      // Nobody checks in; by 10 March pace expects 76%: the daily job announces the drift, once.
      clock.set('2025-03-10T09:00:00Z');
      const [report] = await runJobs(owner.client, ['status-changes']);
      expect(report.totals).toMatchObject({ ran: 1, statusChanges: 1, events: 1 });
      await runJobs(owner.client, ['status-changes']);
      const all = await deliver();
      expect(moves(all)).toEqual(['off_track → on_track', 'on_track → off_track', 'on_track → off_track']);
      const drift = all.filter((e) => !written.some((w) => w.id === e.id));
      expect(drift).toHaveLength(1);
      expect(drift[0]!.data).toMatchObject({ aspect: 'progress', objective: { id: open.id, progressStatus: 'off_track' } });
      const ids = all.map((e) => e.id);
      expect(new Set(ids).size, 'each event exactly once').toBe(ids.length);
      expect(receiver.forged).toEqual([]);
    },
  );
});
