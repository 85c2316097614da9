import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres-engine.js';
import { jobRuns, outbox } from '../../src/db/schema/index.js';
import { dispatchOutbox } from '../../src/server/jobs/dispatcher.js';
import { runJob } from '../../src/server/jobs/run-job.js';
import type { JobContext } from '../../src/server/jobs/context.js';
import { openTestEngine, type TestEngine } from '../support/engines.js';
import { addPerson } from '../support/fixtures.js';
import { percent } from '../okrs/support.js';
import { startHookReceiver, startSmtpReceiver, type HookReceiver, type SmtpReceiver } from './receivers.js';
import { MovableClock, setUpRhythmWorld, smtpMailer, startRhythmServer, type RhythmServer } from './support.js';

/** The URL of the database `handle` is connected to, on the TEST_DATABASE_URL server. */
async function urlOf(handle: DatabaseHandle): Promise<string> {
  const [row] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

/**
 * Two "processes" on one PostgreSQL database: two pools (separate connections, as two servers
 * would have) run the same jobs at the same moment. Only meaningful on a server; PGlite has one
 * connection per directory and a lock that keeps a second process out.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('jobs from two processes on one PostgreSQL database', () => {
  const clock = new MovableClock('2025-02-14T12:00:00Z');
  let engine: (TestEngine & { dispose(): Promise<void> }) | undefined;
  let second: DatabaseHandle | undefined;
  let smtp: SmtpReceiver;
  let hook: HookReceiver;
  let server: RhythmServer;
  let a: JobContext;
  let b: JobContext;
  beforeAll(async () => {
    engine = await openTestEngine('postgres');
    second = await openPostgres(await urlOf(engine.handle), { max: 5 });
    smtp = await startSmtpReceiver();
    hook = await startHookReceiver([200]);
    server = await startRhythmServer(engine.handle, clock, smtpMailer(smtp.url));
    a = server.jobs;
    b = { ...server.jobs, db: second.db };
  });
  afterAll(async () => {
    await server?.close();
    await second?.close();
    await engine?.dispose();
    await smtp?.close();
    await hook?.close();
  });

  it('each owner gets exactly one reminder e-mail, each period one job_runs row, each outbox row one delivery', async () => {
    const w = await setUpRhythmWorld(server.url, { webhookUrl: hook.url });
    const cycleId = (await w.api.objective(w.objectiveId)).cycleId;
    const owners = [w.member];
    for (let i = 1; i <= 4; i++) {
      const person = await addPerson(w.owner.client, { name: `Owner ${i}`, teamId: w.teamId });
      const objective = await w.api.createObjective({ cycleId, title: `Objective ${i}`, teamId: w.teamId });
      await w.api.createKeyResult(objective.id, { ...percent(`KR ${i}`), ownerId: person.user.id });
      await w.api.publish(objective.id);
      owners.push(person);
    }
    smtp.messages.length = 0;

    // Several moments, each raced by both pools: week 1 and week 2 reminders, and week 1's escalation.
    const ran = new Map<string, number>();
    for (const iso of ['2025-02-17T09:00:00Z', '2025-02-19T09:00:00Z', '2025-02-24T09:00:00Z']) {
      clock.set(iso);
      const reports = [
        ...(await Promise.all([runJob(a, 'reminders'), runJob(b, 'reminders')])),
        ...(await Promise.all([runJob(a, 'escalation'), runJob(b, 'escalation')])),
      ];
      for (const report of reports) {
        for (const period of report.periods) {
          expect(period.error).toBeUndefined();
          ran.set(`${report.job} ${period.key}`, (ran.get(`${report.job} ${period.key}`) ?? 0) + (period.ran ? 1 : 0));
        }
      }
      await Promise.all([dispatchOutbox(a, { now: clock.now(), batchSize: 1 }), dispatchOutbox(b, { now: clock.now(), batchSize: 1 })]);
    }
    // reminders: team and company × periods due 17 and 24 February; escalation: team and company × periods due 10 and 17 February.
    expect(ran.size).toBe(8);
    expect(
      [...ran].filter(([, count]) => count !== 1),
      'every period ran exactly once',
    ).toEqual([]);

    const runs = await engine!.db.select().from(jobRuns);
    expect(new Set(runs.map((r) => `${r.name}/${r.periodKey}`)).size).toBe(runs.length);
    const reminderMails = smtp.messages.filter((m) => m.subject.startsWith('Check-in due'));
    // Two weeks, five owners: ten reminders, one each per week.
    expect(reminderMails).toHaveLength(10);
    for (const person of owners)
      expect(
        reminderMails.filter((m) => m.to.includes(person.user.email)),
        person.user.name,
      ).toHaveLength(2);
    const escalations = smtp.messages.filter((m) => m.subject.includes('missing in Platform'));
    expect(escalations.map((m) => m.to)).toEqual([[w.lead.user.email]]);
    expect(hook.calls, 'one webhook post per week').toHaveLength(2);
    const rows = await engine!.db.select().from(outbox);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(rows).toHaveLength(smtp.messages.length + hook.calls.length);
    expect(await engine!.db.select().from(outbox).where(eq(outbox.status, 'pending'))).toEqual([]);
  });
});
