import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, objectives } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';

interface Report {
  findings: { ruleId: string; severity: string; field: string }[];
  score: number;
  blocking: boolean;
}

describeEachEngine('OKR quality coach API', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const rules = (report: Report) => report.findings.map((f) => f.ruleId);

  it('checks a draft without saving it, naming fields, and scores it', async () => {
    const before = await engine().db.select().from(objectives);
    const weak = await t.w.owner.client.post<Report>(`${API}/quality/check`, {
      cycleId: t.w.cycle.id,
      title: 'Increase revenue by 20%',
      keyResults: [
        { title: 'Improve onboarding', kind: 'metric' },
        { title: 'Launch the pricing page', kind: 'milestone', milestones: [{ title: 'Live', weight: 1 }] },
      ],
    });
    expectStatus(weak, 200);
    expect(weak.body.blocking).toBe(true);
    expect(rules(weak.body)).toEqual(
      expect.arrayContaining(['key-result-not-measurable', 'key-result-is-output', 'objective-contains-number']),
    );
    expect(weak.body.findings.find((f) => f.ruleId === 'key-result-not-measurable')!.field).toBe('keyResults[0].title');
    const strong = await t.w.owner.client.post<Report>(`${API}/quality/check`, {
      title: 'Become the obvious choice for mid-size warehouses',
      whyImportant: 'Most of our market',
      whyUrgent: 'Two competitors launched this year',
      ownerId: t.w.owner.user.id,
      level: 'company',
      keyResults: [
        {
          title: 'Win rate from 18% to 25%',
          kind: 'metric',
          unit: 'percent',
          startValue: 18,
          targetValue: 25,
          dataReadiness: { dataSource: 'CRM', measuredBy: 'Sales ops', frequency: 'weekly', baselineKnown: true, reliability: 'reliable' },
        },
        {
          title: 'Net revenue retention from 104% to 115%',
          kind: 'metric',
          unit: 'percent',
          startValue: 104,
          targetValue: 115,
          dataReadiness: {
            dataSource: 'Billing',
            measuredBy: 'Finance',
            frequency: 'monthly',
            baselineKnown: true,
            reliability: 'reliable',
          },
        },
      ],
    });
    expect(strong.body).toMatchObject({ blocking: false, findings: [], score: 100 });
    expect(weak.body.score).toBeLessThan(strong.body.score);
    expect(await engine().db.select().from(objectives)).toEqual(before);
    expectProblem(
      await t.w.owner.client.post(`${API}/quality/check`, { title: 'x', keyResults: [{ title: 'y', kind: 'guess' }] }),
      400,
      '/problems/validation-failed',
      'keyResults[0].kind',
    );
  });

  it('refuses to publish a draft while a blocking rule fails; an admin may override with a reason, which is recorded', async () => {
    const draft = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Delight customers', status: 'draft' });
    const report = await t.w.owner.client.get<Report>(`${API}/objectives/${draft.id}/quality`);
    expect(rules(report.body)).toContain('objective-has-no-measure');
    expectProblem(
      await t.w.owner.client.patch(`${API}/objectives/${draft.id}`, { status: 'active', title: 'Delight every customer' }),
      422,
      '/problems/quality-blocked',
      'keyResults',
    );
    const [unchanged] = await engine().db.select().from(objectives).where(eq(objectives.id, draft.id));
    expect(unchanged).toMatchObject({ status: 'draft', title: 'Delight customers' });

    const overridden = await t.w.owner.client.patch<{ status: string }>(`${API}/objectives/${draft.id}`, {
      status: 'active',
      publishOverrideReason: 'Kick-off demo',
    });
    expectStatus(overridden, 200);
    expect(overridden.body.status).toBe('active');
    const [record] = await engine().db.select().from(activities).where(eq(activities.action, 'objective.publish-overridden'));
    expect(record!.after).toMatchObject({ reason: 'Kick-off demo' });

    // With a key result nothing blocks, and no override is needed.
    const second = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Answer fast', status: 'draft' });
    await t.w.api.createKeyResult(second.id, { ...percent('Replies within an hour'), unit: 'percent' });
    expectStatus(await t.w.owner.client.patch(`${API}/objectives/${second.id}`, { status: 'active' }), 200);
  });

  it('lets admins set the guiding principles, validated, and applies them', async () => {
    const member = await addPerson(t.w.owner.client);
    expectProblem(
      await member.client.request('PUT', `${API}/organization/principles`, { body: { maxKeyResults: 3 } }),
      403,
      '/problems/forbidden',
    );
    expectProblem(
      await t.w.owner.client.request('PUT', `${API}/organization/principles`, { body: { rules: { 'no-such-rule': 'warn' } } }),
      422,
      '/problems/validation-failed',
      'rules.no-such-rule',
    );
    const saved = await t.w.owner.client.request<{ rules: { id: string; setting: string }[] }>('PUT', `${API}/organization/principles`, {
      body: { rules: { 'objective-contains-number': 'off', 'missing-why-urgent': 'block' } },
    });
    expectStatus(saved, 200);
    expect(saved.body.rules.find((r) => r.id === 'missing-why-urgent')!.setting).toBe('block');
    const check = await t.w.owner.client.post<Report>(`${API}/quality/check`, { title: 'Grow 20%', keyResults: [] });
    expect(rules(check.body)).not.toContain('objective-contains-number');
    expect(check.body.findings.find((f) => f.ruleId === 'missing-why-urgent')!.severity).toBe('block');
  });

  it("scores a team's objectives in a cycle", async () => {
    const team = await t.w.owner.client.post<{ id: string }>(`${API}/teams`, { name: 'Support' });
    const weak = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Do better', teamId: team.body.id });
    const scored = await t.w.owner.client.get<{ score: number; objectives: { id: string; score: number; blocking: boolean }[] }>(
      `${API}/teams/${team.body.id}/quality?cycleId=${t.w.cycle.id}`,
    );
    expectStatus(scored, 200);
    expect(scored.body.objectives).toEqual([expect.objectContaining({ id: weak.id, blocking: true })]);
    expect(scored.body.score).toBe(scored.body.objectives[0]!.score);
  });
});
