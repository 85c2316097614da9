import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, runJobs, type RhythmWorld } from '../rhythm/support.js';
import { useRhythmMailSuite } from '../rhythm/mail-suite.js';

interface Schedule {
  id: string;
  recipients: string[];
  teamName: string | null;
  cycleName: string;
  cadence: string;
}

/*
 * A team report e-mailed every Monday 08:00 Paris (07:00 UTC in February) to two stakeholders, through the
 * `report-emails` job and the outbox dispatcher, into a real SMTP server.
 */
describeEachEngine('Scheduled report e-mails to stakeholders', (engine) => {
  const suite = useRhythmMailSuite(engine, '2025-02-14T12:00:00Z');
  const { clock } = suite;
  let w: RhythmWorld;
  beforeEach(() => {
    w = suite.world;
  });
  let cycleId: string;
  beforeEach(async () => {
    const cycles = await w.owner.client.get<{ id: string }[]>(`${API}/cycles`);
    cycleId = cycles.body[0]!.id;
  });

  const schedule = (body: Record<string, unknown>, client = w.owner.client) =>
    client.post<Schedule>(`${API}/report-schedules`, {
      cycleId,
      teamId: w.teamId,
      recipients: ['cfo@example.test', 'Board@Example.test'],
      cadence: 'weekly',
      day: 1,
      hour: 8,
      ...body,
    });
  /** Only the reports: check-in notices are mailed too. */
  const reports = () => suite.smtp.messages.filter((m) => m.subject.startsWith('OKR report'));
  const at = async (iso: string) => {
    clock.set(iso);
    await runJobs(w.owner.client, ['report-emails', 'dispatch']);
  };

  it('mails the team report to each stakeholder at the hour, once per week, until stopped', { timeout: 120_000 }, async () => {
    const made = await schedule({});
    expectStatus(made, 201);
    expect(made.body).toMatchObject({ recipients: ['cfo@example.test', 'board@example.test'], teamName: 'Platform', cadence: 'weekly' });
    const listed = await w.owner.client.get<Schedule[]>(`${API}/report-schedules`);
    expect(listed.body.map((s) => s.id)).toEqual([made.body.id]);
    await w.api.checkIn(w.krs[0]!.id, { value: 40, confidence: 3, blockers: 'Waiting on the vendor' });

    await at('2025-02-17T06:59:00Z');
    expect(reports(), 'not before 08:00 Paris').toHaveLength(0);
    await at('2025-02-17T07:00:00Z');
    expect(
      reports()
        .map((m) => m.to.join(','))
        .sort(),
    ).toEqual(['board@example.test', 'cfo@example.test']);
    const [mail] = reports();
    expect(mail!.subject).toBe('OKR report: Platform, Spring 2025 (17 February)');
    expect(mail!.text).toContain('Platform — Spring 2025, as of 17 February.');
    expect(mail!.text).toMatch(/Ship the platform: \d+% of \d+% expected/);
    expect(mail!.text).toContain('Waiting on the vendor');
    expect(mail!.text).toContain(`/cycles/${cycleId}/report?teamId=${w.teamId}`);

    await at('2025-02-17T09:30:00Z');
    expect(reports(), 'the same Monday sends nothing more').toHaveLength(2);
    await at('2025-02-24T07:05:00Z');
    expect(reports()).toHaveLength(4);

    expectStatus(await w.owner.client.delete(`${API}/report-schedules/${made.body.id}`), 204);
    await at('2025-03-03T07:00:00Z');
    expect(reports(), 'stopped').toHaveLength(4);
    expectProblem(await w.owner.client.delete(`${API}/report-schedules/${made.body.id}`), 404, '/problems/not-found');
  });

  it('sends monthly on the first such weekday, and nothing for moments before the schedule existed', { timeout: 120_000 }, async () => {
    clock.set('2025-03-04T12:00:00Z'); // after Monday 3 March, the first Monday of March
    expectStatus(await schedule({ teamId: null, recipients: ['cfo@example.test'], cadence: 'monthly' }), 201);
    await at('2025-03-04T12:00:00Z');
    expect(reports()).toHaveLength(0);
    await at('2025-03-31T07:00:00Z');
    expect(reports(), 'the last Monday of March is not the first').toHaveLength(0);
    await at('2025-04-07T07:00:00Z');
    expect(reports().map((m) => m.subject)).toEqual(['OKR report: Spring 2025 (7 April)']);
  });

  it('refuses bad input naming the field, and people who may not share reports', { timeout: 120_000 }, async () => {
    expectProblem(await schedule({ recipients: [] }), 400, '/problems/validation-failed', 'recipients');
    expectProblem(await schedule({ recipients: ['cfo@example.test', 'nobody'] }), 400, '/problems/validation-failed', 'recipients[1]');
    expectProblem(await schedule({ day: 7 }), 400, '/problems/validation-failed', 'day');
    expectProblem(await schedule({ hour: 24 }), 400, '/problems/validation-failed', 'hour');
    expectProblem(await schedule({ cadence: 'daily' }), 400, '/problems/validation-failed', 'cadence');
    expectProblem(await schedule({ teamId: '00000000-0000-4000-8000-000000000000' }), 404, '/problems/not-found', 'teamId');
    expectProblem(await schedule({}, w.member.client), 403, '/problems/forbidden');
    expectProblem(await w.member.client.get(`${API}/report-schedules`), 403, '/problems/forbidden');
    expect((await w.owner.client.get<Schedule[]>(`${API}/report-schedules`)).body, 'nothing half-written').toEqual([]);
  });
});
