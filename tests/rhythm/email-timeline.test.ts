import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { notifications, outbox } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { percent } from '../okrs/support.js';
import { API, runJobs, type RhythmWorld } from './support.js';
import { useRhythmMailSuite } from './mail-suite.js';

/*
 * A week of rhythm in Europe/Paris (UTC+1 in February), through the admin "run now" endpoint as
 * the ticker would run it, into a real SMTP server. Team check-ins are due Monday 10:00 Paris
 * (09:00 UTC); escalation 48 h later; the digest is set to Wednesday 12:00 Paris (11:00 UTC).
 */
describeEachEngine('check-in rhythm by e-mail', (engine) => {
  const suite = useRhythmMailSuite(engine, '2025-02-14T12:00:00Z', async (w) => {
    expectStatus(await w.owner.client.request('PUT', `${API}/organization/rhythm`, { body: { digestDay: 3, digestHour: 12 } }), 200);
  });
  const { clock } = suite;
  let w: RhythmWorld;
  beforeEach(() => {
    w = suite.world;
  });

  const at = async (iso: string) => {
    clock.set(iso);
    await runJobs(w.owner.client);
  };
  const subjects = () => suite.smtp.messages.map((m) => `${m.to.join(',')}: ${m.subject}`);

  it('reminds at the due hour, escalates 48 hours later and sends the digest, each exactly once', async () => {
    // A company objective (no team) follows the company schedule, also Monday 10:00.
    const company = await w.api.createObjective({ cycleId: (await w.api.objective(w.objectiveId)).cycleId, title: 'Grow revenue' });
    await w.api.createKeyResult(company.id, { ...percent('ARR to 2M'), ownerId: w.owner.user.id });
    await w.api.publish(company.id);

    await at('2025-02-17T08:59:00Z');
    expect(subjects(), 'one minute early: nothing').toEqual([]);

    await at('2025-02-17T09:00:00Z');
    expect(subjects().sort()).toEqual(
      [`${w.member.user.email}: Check-in due: 2 key results (Platform)`, `${w.owner.user.email}: Check-in due: 1 key result (Acme)`].sort(),
    );
    const reminder = suite.smtp.messages.find((m) => m.to.includes(w.member.user.email))!;
    expect(reminder.text).toContain('Uptime to 99.9 (Ship the platform)');
    expect(reminder.text).toContain('Deploys per day (Ship the platform)');
    expect(reminder.text).toContain('Monday 17 February, 10:00 (Europe/Paris)');
    expect(reminder.text).toMatch(/Stop these e-mails \(reminder\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/unsubscribe\?/);

    await at('2025-02-17T09:00:00Z');
    await at('2025-02-17T09:30:00Z');
    expect(suite.smtp.messages, 'the same period again: no second reminder').toHaveLength(2);

    clock.set('2025-02-17T10:00:00Z');
    expectStatus(
      await w.member.client.post(`${API}/key-results/${w.krs[0]!.id}/check-ins`, { value: 40, blockers: 'Waiting on API keys' }),
      201,
    );

    // The blocker reaches the team's lead (and the objective's owner) at once, by e-mail too.
    await at('2025-02-17T10:01:00Z');
    const blockerMail = suite.smtp.messages.slice(2);
    expect(blockerMail.length).toBeGreaterThanOrEqual(1);
    expect(blockerMail.every((m) => m.subject === 'Max Member is blocked on Ship the platform')).toBe(true);
    expect(blockerMail.some((m) => m.to.includes(w.lead.user.email))).toBe(true);
    // The rhythm's own mail is what the rest of this timeline counts.
    suite.smtp.messages.splice(2);

    await at('2025-02-19T08:59:00Z');
    expect(suite.smtp.messages, '47:59 after the due moment: no escalation yet').toHaveLength(2);

    await at('2025-02-19T09:00:00Z');
    expect(subjects().slice(2)).toEqual([`${w.lead.user.email}: 1 check-in missing in Platform`]);
    const escalation = suite.smtp.messages[2]!;
    expect(escalation.text).toContain('Max Member: Deploys per day (Ship the platform)');
    expect(escalation.text, 'checked in since the reminder: not escalated').not.toContain('Uptime');
    await at('2025-02-19T10:00:00Z');
    expect(suite.smtp.messages).toHaveLength(3);

    await at('2025-02-19T11:00:00Z');
    expect(subjects().slice(3)).toEqual([`${w.lead.user.email}: Weekly digest: Platform`]);
    const digest = suite.smtp.messages[3]!.text;
    expect(digest).toContain('What moved:\n• Uptime to 99.9 (Ship the platform): now 40%');
    expect(digest).toContain('Blockers raised:\n• Max Member on Uptime to 99.9 (Ship the platform): Waiting on API keys');
    expect(digest).toContain('Check-ins missing:\n• Max Member: Deploys per day (Ship the platform)');
    await at('2025-02-19T11:00:00Z');
    await at('2025-02-19T11:45:00Z');
    expect(suite.smtp.messages, 'nothing twice').toHaveLength(4);

    // Forcing a re-run of every period still notifies nobody twice (dedupe keys per person and period).
    for (const name of ['reminders', 'escalation', 'digest'])
      expectStatus(await w.owner.client.post(`${API}/admin/jobs/${name}/run`, { force: true }), 200);
    await runJobs(w.owner.client, ['dispatch']);
    expect(suite.smtp.messages).toHaveLength(4);

    const kinds = (await engine().db.select({ kind: notifications.kind }).from(notifications)).map((n) => n.kind).sort();
    expect(kinds.filter((kind) => kind !== 'blocker')).toEqual(['digest', 'escalation', 'reminder', 'reminder']);
    const sent = await engine().db.select().from(outbox).where(eq(outbox.status, 'sent'));
    expect(sent).toHaveLength(4 + blockerMail.length);
    expect(sent.every((row) => row.attempts === 1 && row.sentAt !== null)).toBe(true);
  });

  it('escalates missing company check-ins to the owners and admins, not to one whose own are all that is missing', async () => {
    const cycleId = (await w.api.objective(w.objectiveId)).cycleId;
    const company = await w.api.createObjective({ cycleId, title: 'Grow revenue' });
    await w.api.createKeyResult(company.id, { ...percent('ARR to 2M'), ownerId: w.member.user.id });
    await w.api.createKeyResult(company.id, { ...percent('Churn under 2%'), ownerId: w.owner.user.id });
    await w.api.publish(company.id);
    await at('2025-02-17T09:00:00Z');
    suite.smtp.messages.length = 0;

    await at('2025-02-19T09:00:00Z');
    const toOwner = suite.smtp.messages.filter((m) => m.to.includes(w.owner.user.email));
    expect(toOwner.map((m) => m.subject)).toEqual(['2 check-ins missing in Acme']);
    expect(toOwner[0]!.text).toContain('Max Member: ARR to 2M (Grow revenue)');
    expect(toOwner[0]!.text).toContain('Olivia Owner: Churn under 2% (Grow revenue)');
    expect(subjects()).toContain(`${w.lead.user.email}: 2 check-ins missing in Platform`);

    // Once the member has checked in, only the owner's own key result is missing: nobody is told.
    expectStatus(
      await w.member.client.post(`${API}/key-results/${(await w.api.objective(company.id)).keyResults[0]!.id}/check-ins`, { value: 10 }),
      201,
    );
    suite.smtp.messages.length = 0;
    await at('2025-02-26T09:00:00Z');
    expect(subjects(), 'the escalation of that week did run').toContain(`${w.lead.user.email}: 2 check-ins missing in Platform`);
    expect(suite.smtp.messages.filter((m) => m.subject.includes('missing in Acme'))).toEqual([]);
  });
});
