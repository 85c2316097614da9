import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus, type Person } from '../support/fixtures.js';
import { API, runJobs, type RhythmWorld } from '../rhythm/support.js';
import { notificationsOf } from '../social/support.js';
import { useRhythmMailSuite } from '../rhythm/mail-suite.js';

/*
 * An asynchronous weekly of team Platform on Tuesday 18 February, 15:00 Paris, parts due 13:00 Paris (12:00 UTC).
 * The `reminders` job reminds whoever has not posted at the deadline; the `escalation` job tells the organiser
 * (Olivia) whose parts are still missing once the organisation's update timeframe (24 hours) has passed. E-mails go
 * through the outbox dispatcher into a real SMTP server.
 */
describeEachEngine('Reminders for asynchronous meeting parts', (engine) => {
  const suite = useRhythmMailSuite(engine, '2025-02-14T12:00:00Z');
  const { clock } = suite;
  let w: RhythmWorld;
  beforeEach(() => {
    w = suite.world;
  });

  const schedule = async (body: Record<string, unknown> = {}) => {
    const created = await w.owner.client.post<{ id: string }>(`${API}/meetings`, {
      kind: 'weekly',
      title: 'Platform weekly',
      audience: 'team',
      teamId: w.teamId,
      startsAt: '2025-02-18T14:00:00Z',
      recurrence: 'weekly',
      asyncDeadline: '2025-02-18T12:00:00Z',
      participantIds: [w.owner.user.id, w.lead.user.id, w.member.user.id],
      ...body,
    });
    expectStatus(created, 201);
    return created.body.id;
  };
  const post = async (person: Person, meetingId: string) =>
    expectStatus(await person.client.put(`${API}/meetings/${meetingId}/my-update`, { update: `${person.user.name} is on it` }), 201);
  /** Only the meetings' mail: check-in reminders of the same days are mailed too. */
  const meetingMails = () => suite.smtp.messages.filter((m) => /^(Post your part|\d+ parts? overdue):/.test(m.subject));
  const at = async (iso: string, jobs: string[]) => {
    clock.set(iso);
    await runJobs(w.owner.client, [...jobs, 'dispatch']);
  };

  it(
    'reminds whoever has not posted at the deadline, once, then tells the organiser whose parts are overdue',
    { timeout: 120_000 },
    async () => {
      const meetingId = await schedule();
      await post(w.member, meetingId);

      await at('2025-02-18T11:59:00Z', ['reminders', 'escalation']);
      expect(meetingMails(), 'nothing before the deadline').toEqual([]);
      await at('2025-02-18T12:00:00Z', ['reminders']);
      expect(
        meetingMails()
          .map((m) => [m.to.join(','), m.subject])
          .sort(),
      ).toEqual(
        [
          [w.lead.user.email, 'Post your part: Platform weekly'],
          [w.owner.user.email, 'Post your part: Platform weekly'],
        ].sort(),
      );
      const [reminder] = meetingMails();
      expect(reminder!.text).toContain('was due Tuesday 18 February, 13:00 (Europe/Paris)');
      expect(reminder!.text).toContain(`/meetings/${meetingId}`);
      const inApp = await notificationsOf(w.lead.client);
      expect(inApp.items.filter((n) => n.entityId === meetingId).map((n) => [n.kind, n.title, n.link])).toEqual([
        ['reminder', 'Post your part: Platform weekly', `/meetings/${meetingId}`],
      ]);

      await at('2025-02-18T15:00:00Z', ['reminders']);
      expect(meetingMails(), 'a second run reminds nobody again').toHaveLength(2);
      await post(w.owner, meetingId);

      await at('2025-02-19T11:59:00Z', ['escalation']);
      expect(meetingMails(), 'the response timeframe has not passed').toHaveLength(2);
      await at('2025-02-19T12:00:00Z', ['escalation']);
      const overdue = meetingMails().slice(2);
      expect(overdue.map((m) => [m.to.join(','), m.subject])).toEqual([[w.owner.user.email, '1 part overdue: Platform weekly']]);
      expect(overdue[0]!.text).toContain('24 hours later they are still missing:\n• Lea Lead');
      await at('2025-02-19T18:00:00Z', ['reminders', 'escalation']);
      expect(meetingMails()).toHaveLength(3);
    },
  );

  it(
    'sends nothing for a meeting without a deadline, nor for a deadline more than a week ago (no backlog)',
    { timeout: 120_000 },
    async () => {
      await schedule({ asyncDeadline: null });
      await schedule({ title: 'Old weekly', startsAt: '2025-02-11T14:00:00Z', asyncDeadline: '2025-02-11T12:00:00Z' });
      await at('2025-02-19T12:01:00Z', ['reminders', 'escalation']);
      expect(meetingMails()).toEqual([]);
    },
  );

  it('a part posted before the deadline, by everyone, means no reminder at all', { timeout: 120_000 }, async () => {
    const meetingId = await schedule();
    for (const person of [w.owner, w.lead, w.member]) await post(person, meetingId);
    await at('2025-02-18T12:00:00Z', ['reminders']);
    await at('2025-02-19T12:00:00Z', ['escalation']);
    expect(meetingMails()).toEqual([]);
  });
});
