import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { notifications, outbox } from '../../src/db/schema/index.js';
import { runJob } from '../../src/server/jobs/run-job.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { startHookReceiver, startSmtpReceiver, type HookReceiver, type SmtpReceiver } from './receivers.js';
import {
  API,
  MovableClock,
  runJobs,
  setUpRhythmWorld,
  smtpMailer,
  startRhythmServer,
  type RhythmServer,
  type RhythmWorld,
} from './support.js';

/** The app's SMTP server refuses every message here (451), so e-mail delivery always fails. */
describeEachEngine('outbox delivery and retries', (engine) => {
  const clock = new MovableClock('2025-02-17T09:00:00Z');
  let smtp: SmtpReceiver;
  let hook: HookReceiver | undefined;
  let server: RhythmServer;
  beforeAll(async () => {
    smtp = await startSmtpReceiver({ refuse: true });
    server = await startRhythmServer(engine().handle, clock, smtpMailer(smtp.url));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await engine().reset();
    await hook?.close();
    hook = undefined;
    clock.set('2025-02-14T12:00:00Z');
  });

  const rows = (channel: 'email' | 'webhook') => engine().db.select().from(outbox).where(eq(outbox.channel, channel));
  const world = async (statuses: number[]): Promise<RhythmWorld> => {
    hook = await startHookReceiver(statuses);
    return setUpRhythmWorld(server.url, { webhookUrl: hook.url });
  };
  const dispatchAt = async (w: RhythmWorld, iso: string) => {
    clock.set(iso);
    const [report] = await runJobs(w.owner.client, ['dispatch']);
    return report.totals as Record<string, number>;
  };

  it("posts the team's reminder to its webhook once per period, as Slack-style JSON", async () => {
    const w = await world([200]);
    clock.set('2025-02-17T09:00:00Z');
    await runJobs(w.owner.client, ['reminders', 'dispatch']);
    expect(hook!.calls).toHaveLength(1);
    const { text } = hook!.calls[0]!.body as { text: string };
    expect(Object.keys(hook!.calls[0]!.body as object)).toEqual(['text']);
    expect(text).toContain(
      'Check-ins due for Platform (Monday 17 February, 10:00 (Europe/Paris)): 2 key results not updated since 10 February.',
    );
    expect(text).toContain('• Max Member: Uptime to 99.9 (Ship the platform)');

    clock.set('2025-02-17T15:00:00Z');
    await runJobs(w.owner.client, ['reminders', 'dispatch']);
    expectStatus(await w.owner.client.post(`${API}/admin/jobs/reminders/run`, { force: true }), 200);
    await runJobs(w.owner.client, ['dispatch']);
    expect(hook!.calls, 'same period: posted once').toHaveLength(1);
    expect(await rows('webhook')).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, recipient: hook!.url })]);
  });

  it('retries a failing webhook with backoff (1, then 2 minutes) and delivers it on the third attempt', async () => {
    const w = await world([500, 500, 200]);
    clock.set('2025-02-17T09:00:00Z');
    await runJobs(w.owner.client, ['reminders']);
    expect(await dispatchAt(w, '2025-02-17T09:00:00Z')).toMatchObject({ retried: 2 }); // the webhook and Max's e-mail
    expect(await rows('webhook')).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: new Date('2025-02-17T09:01:00Z'),
        lastError: 'The webhook answered HTTP 500.',
      }),
    ]);

    await dispatchAt(w, '2025-02-17T09:00:59Z');
    expect(hook!.calls, 'not before its next attempt').toHaveLength(1);
    await dispatchAt(w, '2025-02-17T09:01:00Z');
    expect(hook!.calls).toHaveLength(2);
    expect((await rows('webhook'))[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: new Date('2025-02-17T09:03:00Z') });
    await dispatchAt(w, '2025-02-17T09:02:59Z');
    expect(hook!.calls).toHaveLength(2);
    await dispatchAt(w, '2025-02-17T09:03:00Z');
    expect(hook!.calls).toHaveLength(3);
    expect(hook!.calls[2]!.body).toEqual(hook!.calls[0]!.body);
    expect((await rows('webhook'))[0]).toMatchObject({
      status: 'sent',
      attempts: 3,
      sentAt: new Date('2025-02-17T09:03:00Z'),
      lastError: null,
    });
    await dispatchAt(w, '2025-02-17T10:00:00Z');
    expect(hook!.calls, 'sent rows are never sent again').toHaveLength(3);
  });

  it('keeps a refused e-mail pending with a later attempt, never failing the request, and gives up after 6 attempts', async () => {
    const w = await world([200]);
    clock.set('2025-02-17T09:00:00Z');
    const [reminders] = await runJobs(w.owner.client, ['reminders']);
    expect(reminders.totals).toMatchObject({ notified: 1 });
    const started = Date.now();
    expect(await dispatchAt(w, '2025-02-17T09:00:00Z')).toMatchObject({ sent: 1, retried: 1 });
    expect(Date.now() - started, 'a refusing server answers at once').toBeLessThan(5_000);
    const [mail] = await rows('email');
    expect(mail).toMatchObject({
      status: 'pending',
      attempts: 1,
      recipient: w.member.user.email,
      nextAttemptAt: new Date('2025-02-17T09:01:00Z'),
    });
    expect(mail!.lastError).toMatch(/451/);
    // The notification itself is not lost: it is in the app.
    expect(
      await engine()
        .db.select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.member.user.id), eq(notifications.kind, 'reminder'))),
    ).toHaveLength(1);

    // Backoff doubles: 1, 2, 4, 8, 16 minutes; the 6th refusal is final.
    const waits: number[] = [];
    for (let attempt = 2; attempt <= 6; attempt++) {
      const before = (await rows('email'))[0]!;
      waits.push((before.nextAttemptAt.getTime() - Date.parse(clock.now().toISOString())) / 60_000);
      await dispatchAt(w, before.nextAttemptAt.toISOString());
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect((await rows('email'))[0]).toMatchObject({ status: 'failed', attempts: 6 });
    expect(smtp.messages).toEqual([]);
    expect(await dispatchAt(w, '2025-02-18T09:00:00Z')).toMatchObject({ sent: 0, retried: 0, failed: 0 });

    const listed = await w.owner.client.get(`${API}/admin/outbox?channel=email`);
    expectStatus(listed, 200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'failed',
        attempts: 6,
        recipient: w.member.user.email,
        subject: 'Check-in due: 2 key results (Platform)',
      }),
    ]);
  });

  it('without SMTP, keeps e-mails as recorded for an admin to read and still posts webhooks', async () => {
    const w = await world([200]);
    clock.set('2025-02-17T09:00:00Z');
    await runJobs(w.owner.client, ['reminders']);
    const unconfigured = { ...server.jobs, mailer: createMailer(undefined, 'Cairn <cairn@example.test>') };
    const report = await runJob(unconfigured, 'dispatch');
    expect(report.totals).toEqual({ sent: 1, recorded: 1, retried: 0, failed: 0 });
    expect((await rows('email'))[0]).toMatchObject({ status: 'recorded', attempts: 0 });
    const listed = await w.owner.client.get(`${API}/admin/outbox`);
    expect(listed.body.map((r: { channel: string; status: string }) => `${r.channel}:${r.status}`).sort()).toEqual([
      'email:recorded',
      'webhook:sent',
    ]);
  });
});
