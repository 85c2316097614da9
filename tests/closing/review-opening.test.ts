import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

describeEachEngine('The review opens by itself on its date', (engine) => {
  const t = useOkrWorld(engine, '2025-03-22');
  const runJob = async () => {
    const response = await t.w.owner.client.post<{ totals: Record<string, number> }>(`${API}/admin/jobs/review-opening/run`, {});
    expectStatus(response, 200);
    return response.body.totals.reviewsOpened ?? 0;
  };
  const status = async () => (await t.w.owner.client.get<{ status: string }>(`${API}/cycles/${t.w.cycle.id}`)).body.status;

  it("moves an active cycle to review on its reviewOpensOn day in the organisation's time zone, once, recorded without an actor", async () => {
    await t.w.api.patchCycle(t.w.cycle.id, { reviewOpensOn: '2025-03-24' });
    // Auckland is 13 hours ahead: noon UTC on the 23rd is already the 24th there.
    expectStatus(await t.w.owner.client.patch(`${API}/organization`, { timeZone: 'Pacific/Auckland' }), 200);

    expect(await runJob()).toBe(0);
    expect(await status()).toBe('active');

    t.clock.setDay('2025-03-23');
    expect(await runJob()).toBe(1);
    expect(await status()).toBe('review');
    const [phase] = await engine()
      .db.select()
      .from(activities)
      .where(and(eq(activities.entityId, t.w.cycle.id), eq(activities.action, 'cycle.phase_changed')));
    expect(phase).toMatchObject({ actorId: null, after: { from: 'active', to: 'review', automatic: true, reviewOpensOn: '2025-03-24' } });

    // An admin may still move the phase by hand: the job does not undo it on its next run.
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'active' });
    t.clock.setDay('2025-03-25');
    expect(await runJob()).toBe(0);
    expect(await status()).toBe('active');
  });

  it('leaves cycles without a review date, and cycles already in review, alone', async () => {
    t.clock.setDay('2025-03-30');
    expect(await runJob()).toBe(0);
    expect(await status()).toBe('active');
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'review', reviewOpensOn: '2025-03-28' });
    expect(await runJob()).toBe(0);
    expect(await status()).toBe('review');
  });
});
