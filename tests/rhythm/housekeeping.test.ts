import { inArray } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { jobRuns, outbox } from '../../src/db/schema/index.js';
import type { JobContext } from '../../src/server/jobs/context.js';
import { RETENTION_DAYS } from '../../src/server/jobs/housekeeping.js';
import { runJob } from '../../src/server/jobs/run-job.js';
import { setupOrganization } from '../../src/server/services/setup.js';
import { describeEachEngine } from '../support/engines.js';
import { PASSWORD, uniqueEmail } from '../support/fixtures.js';

const NOW = new Date('2026-11-21T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describeEachEngine('housekeeping: old job runs and settled messages are deleted once a day', (engine) => {
  let ctx: JobContext;
  let orgId: string;
  beforeEach(async () => {
    await engine().reset();
    const db = engine().db;
    ctx = {
      db,
      config: loadConfig({}),
      mailer: createMailer(undefined, 'Cairn <cairn@example.test>'),
      clock: () => NOW,
      secret: 'test-secret',
    };
    orgId = (
      await setupOrganization(
        db,
        { organization: 'Keep Tidy', name: 'Olivia Owner', email: uniqueEmail('owner'), password: PASSWORD },
        'local',
      )
    ).organization.id;
  });

  it(`deletes what is older than ${RETENTION_DAYS} days and keeps the rest, pending messages whatever their age`, async () => {
    const db = engine().db;
    const old = daysAgo(RETENTION_DAYS + 1);
    const recent = daysAgo(RETENTION_DAYS - 1);
    await db.insert(jobRuns).values([
      { name: 'reminders', periodKey: 'old-finished', startedAt: old, finishedAt: old },
      { name: 'reminders', periodKey: 'old-unfinished', startedAt: old },
      { name: 'reminders', periodKey: 'recent', startedAt: recent, finishedAt: recent },
    ]);
    const message = (body: string, status: 'pending' | 'sent' | 'failed' | 'recorded', createdAt: Date) => ({
      orgId,
      channel: 'email' as const,
      recipient: 'a@example.test',
      body,
      status,
      createdAt,
    });
    await db
      .insert(outbox)
      .values([
        message('old sent', 'sent', old),
        message('old failed', 'failed', old),
        message('old recorded', 'recorded', old),
        message('old pending', 'pending', old),
        message('recent sent', 'sent', recent),
      ]);

    const report = await runJob(ctx, 'housekeeping', { now: NOW });
    expect(report.totals).toMatchObject({ ran: 1, jobRuns: 1, messages: 3 });
    const keys = (
      await db
        .select({ key: jobRuns.periodKey })
        .from(jobRuns)
        .where(inArray(jobRuns.name, ['reminders']))
    )
      .map((r) => r.key)
      .sort();
    expect(keys).toEqual(['old-unfinished', 'recent']);
    expect((await db.select({ body: outbox.body }).from(outbox)).map((r) => r.body).sort()).toEqual(['old pending', 'recent sent']);

    // Once a day: the same day again does nothing; an organisation's admin cannot run it.
    expect((await runJob(ctx, 'housekeeping', { now: new Date(NOW.getTime() + 3_600_000) })).totals).toMatchObject({ ran: 0, skipped: 1 });
    expect((await runJob(ctx, 'housekeeping', { now: daysAgo(-1), orgId })).periods).toEqual([]);
  });
});
