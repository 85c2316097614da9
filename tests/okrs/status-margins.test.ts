import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from './support.js';

describeEachEngine('The organisation’s status margins', (engine) => {
  // Half-way through Q1 2025 (90 days): expected progress is about 0.5.
  const t = useOkrWorld(engine, '2025-02-15');

  it('starts at the defaults; an admin widens them and the same progress changes status at once', async () => {
    // Planned since the cycle began (null: the cycle's start), so pace is half the cycle.
    const objective = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Margins', effectiveStartDate: null });
    const kr = await t.w.api.createKeyResult(objective.id, { ...percent('Progress'), effectiveStartDate: null });
    await t.w.api.checkIn(kr.id, { value: 30, confidence: 6 });
    expect((await t.w.api.keyResult(kr.id)).status).toBe('at_risk');

    const read = await t.w.owner.client.get(`${API}/organization/status-margins`);
    expectStatus(read, 200);
    expect(read.body).toEqual({ onTrackMargin: 0.1, atRiskMargin: 0.25 });

    const saved = await t.w.owner.client.put(`${API}/organization/status-margins`, { onTrackMargin: 0.25, atRiskMargin: 0.4 });
    expectStatus(saved, 200);
    expect(saved.body).toEqual({ onTrackMargin: 0.25, atRiskMargin: 0.4 });
    expect((await t.w.owner.client.get(`${API}/organization/status-margins`)).body).toEqual({ onTrackMargin: 0.25, atRiskMargin: 0.4 });
    expect((await t.w.api.keyResult(kr.id)).status).toBe('on_track');
  });

  it('refuses margins out of order or out of range naming the field, and members may not change them', async () => {
    expectProblem(
      await t.w.owner.client.put(`${API}/organization/status-margins`, { onTrackMargin: 0.3, atRiskMargin: 0.2 }),
      422,
      '/problems/validation-failed',
      'atRiskMargin',
    );
    expectProblem(
      await t.w.owner.client.put(`${API}/organization/status-margins`, { onTrackMargin: 1.5, atRiskMargin: 0.2 }),
      400,
      '/problems/validation-failed',
      'onTrackMargin',
    );
    const member = await addPerson(t.w.owner.client, { name: 'Mo Member' });
    expectProblem(
      await member.client.put(`${API}/organization/status-margins`, { onTrackMargin: 0.2, atRiskMargin: 0.3 }),
      403,
      '/problems/forbidden',
    );
    expect((await member.client.get(`${API}/organization/status-margins`)).body).toEqual({ onTrackMargin: 0.1, atRiskMargin: 0.25 });
  });
});
