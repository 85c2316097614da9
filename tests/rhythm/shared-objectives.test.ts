import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectStatus, type Person } from '../support/fixtures.js';
import { percent } from '../okrs/support.js';
import { API, runJobs, type RhythmWorld } from './support.js';
import { useRhythmMailSuite } from './mail-suite.js';

/*
 * Platform (lead Lea, member Max with two key results) contributes to Growth's "Win the market": Max owns its
 * "Market share" key result and Gus (Growth) its "NPS". Growth's private "Quiet pricing" is shared with
 * Platform too but names nobody there. Check-ins are due Monday 17 February 10:00 Paris; escalation 48 h
 * later; the digest Wednesday 12:00 Paris (11:00 UTC). Real SMTP, as the ticker would run it.
 */
describeEachEngine('Shared objectives in the contributing team’s reminders, escalations and digest', (engine) => {
  let gina: Person;
  const suite = useRhythmMailSuite(
    engine,
    '2025-02-14T12:00:00Z',
    async (w) => {
      expectStatus(await w.owner.client.request('PUT', `${API}/organization/rhythm`, { body: { digestDay: 3, digestHour: 12 } }), 200);
      const growth = await createTeam(w.owner.client, { name: 'Growth' });
      gina = await addPerson(w.owner.client, { name: 'Gina Growth', teamId: growth.id });
      expectStatus(await w.owner.client.patch(`${API}/teams/${growth.id}/members/${gina.user.id}`, { role: 'lead' }), 200);
      const gus = await addPerson(w.owner.client, { name: 'Gus Growth', teamId: growth.id });
      const cycleId = (await w.api.objective(w.objectiveId)).cycleId;
      const market = await w.api.createObjective({
        cycleId,
        title: 'Win the market',
        teamId: growth.id,
        contributors: [{ teamId: w.teamId }],
      });
      await w.api.createKeyResult(market.id, { ...percent('Market share'), ownerId: w.member.user.id });
      await w.api.createKeyResult(market.id, { ...percent('NPS'), ownerId: gus.user.id });
      await w.api.publish(market.id);
      const quiet = await w.api.createObjective({
        cycleId,
        title: 'Quiet pricing',
        teamId: growth.id,
        visibility: 'private',
        contributors: [{ teamId: w.teamId }],
      });
      await w.api.createKeyResult(quiet.id, { ...percent('Secret margin'), ownerId: gus.user.id });
      await w.api.publish(quiet.id);
    },
    { webhook: true },
  );
  const { clock } = suite;
  let w: RhythmWorld;
  beforeEach(() => {
    w = suite.world;
  });

  const at = async (iso: string) => {
    clock.set(iso);
    await runJobs(w.owner.client);
  };
  const mailTo = (who: Person) => suite.smtp.messages.filter((m) => m.to.includes(who.user.email));

  it('reminds a contributing owner once, and tells the contributing lead in the escalation and the digest', async () => {
    await at('2025-02-17T09:00:00Z');
    const reminders = mailTo(w.member).filter((m) => m.subject.startsWith('Check-in due'));
    expect(reminders.map((m) => m.subject).sort()).toEqual([
      'Check-in due: 1 key result (Growth)',
      'Check-in due: 2 key results (Platform)',
    ]);
    const mentions = reminders.filter((m) => m.text.includes('Market share (Win the market)'));
    expect(mentions, 'the shared key result is reminded once, by its owning team').toHaveLength(1);
    // Platform's channel hears of the shared key results the whole organisation may see.
    const [post] = suite.hook.calls.map((c) => (c.body as { text: string }).text);
    expect(post).toContain('Check-ins due for Platform');
    expect(post).toContain('• Max Member: Market share (Win the market)');
    expect(post).toContain('• Gus Growth: NPS (Win the market)');
    expect(post).not.toContain('Secret margin');

    await at('2025-02-19T09:00:00Z');
    const [escalation] = mailTo(w.lead).filter((m) => m.subject.includes('missing in Platform'));
    expect(escalation!.subject).toBe('4 check-ins missing in Platform');
    expect(escalation!.text).toContain('Max Member: Market share (Win the market)');
    expect(escalation!.text).toContain('Gus Growth: NPS (Win the market)');
    expect(escalation!.text, 'private, not named: hidden').not.toContain('Secret margin');
    const [growthEscalation] = mailTo(gina).filter((m) => m.subject.includes('missing in Growth'));
    expect(growthEscalation!.subject, "the owning team's own list (its private one hidden from its lead too)").toBe(
      '2 check-ins missing in Growth',
    );

    await at('2025-02-19T11:00:00Z');
    const [digest] = mailTo(w.lead).filter((m) => m.subject === 'Weekly digest: Platform');
    expect(digest!.text).toContain('• Max Member: Market share (Win the market)');
    expect(digest!.text).toContain('• Gus Growth: NPS (Win the market)');
    expect(digest!.text).not.toContain('Quiet pricing');
    expect(digest!.text).not.toContain('Secret margin');
  });

  it('does not escalate a shared key result twice to a lead of both teams', async () => {
    const growth = (await w.owner.client.get<{ id: string; name: string }[]>(`${API}/teams`)).body.find((x) => x.name === 'Growth')!;
    expectStatus(await w.owner.client.post(`${API}/teams/${growth.id}/members`, { userId: w.lead.user.id, role: 'lead' }), 201);
    await at('2025-02-17T09:00:00Z');
    suite.smtp.messages.length = 0;
    await at('2025-02-19T09:00:00Z');
    const escalations = mailTo(w.lead).filter((m) => m.subject.includes('missing in'));
    expect(escalations.map((m) => m.subject).sort()).toEqual(['2 check-ins missing in Growth', '2 check-ins missing in Platform']);
    expect(escalations.filter((m) => m.text.includes('Market share'))).toHaveLength(1);
  });
});
