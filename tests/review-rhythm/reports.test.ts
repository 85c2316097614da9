import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

interface Item {
  kind: string;
  objectiveTitle: string;
  link: string;
}
interface Report {
  team: { name: string } | null;
  asOf: string;
  progress: number;
  expected: number;
  statusCounts: Record<string, number>;
  objectives: { title: string; status: string }[];
  highlights: Item[];
  risks: Item[];
  decisions: { decision: string; ownerName: string | null }[];
}
interface Share {
  id: string;
  url: string;
  teamName: string | null;
  expiresAt: string;
}

describeEachEngine('Reports for stakeholders and their expiring, revocable share links', (engine) => {
  const t = useOkrWorld(engine, '2025-02-03');

  async function world() {
    const { api, cycle, owner } = t.w;
    const team = await createTeam(owner.client, { name: 'Growth' });
    const at = (title: string, teamId?: string) => api.objectiveAt({ cycleId: cycle.id, title, teamId });
    const revenue = await at('Grow revenue', team.id);
    const mobile = await at('Ship mobile', team.id);
    await at('Company hygiene');
    await api.checkIn(revenue.kr.id, { value: 10, confidence: 8, asOf: '2025-01-10' });
    await api.checkIn(revenue.kr.id, { value: 30, confidence: 8, asOf: '2025-01-31' });
    await api.checkIn(mobile.kr.id, { value: 5, confidence: 7, asOf: '2025-01-02' });
    await api.checkIn(mobile.kr.id, { value: 5, confidence: 3, asOf: '2025-01-31', blockers: 'Waiting on legal' });
    const meeting = await owner.client.post<{ id: string }>(`${API}/meetings`, {
      kind: 'monthly_deep_dive',
      title: 'Growth deep dive',
      audience: 'team',
      teamId: team.id,
      startsAt: '2025-02-03T10:00:00Z',
      participantIds: [owner.user.id],
    });
    expectStatus(meeting, 201);
    const decided = await owner.client.post(`${API}/meetings/${meeting.body.id}/decisions`, {
      decision: 'Re-scope mobile to Android first',
      ownerId: owner.user.id,
      decidedOn: '2025-02-03',
      objectiveId: mobile.objective.id,
    });
    expectStatus(decided, 201);
    return { team, cycle };
  }

  it("reports a team's progress against pace, statuses, highlights, risks and decisions", async () => {
    const { team, cycle } = await world();
    const response = await t.w.owner.client.get<Report>(`${API}/cycles/${cycle.id}/report?teamId=${team.id}`);
    expectStatus(response, 200);
    const report = response.body;
    expect(report.team?.name).toBe('Growth');
    expect(report.asOf).toBe('2025-02-03');
    expect(report.objectives.map((o) => o.title)).toEqual(['Ship mobile', 'Grow revenue']);
    expect(report.progress).toBeCloseTo(0.175, 5);
    expect(report.expected).toBeGreaterThan(0.3);
    expect(Object.values(report.statusCounts).reduce((a, b) => a + b, 0)).toBe(2);
    expect(report.highlights.map((i) => [i.kind, i.objectiveTitle])).toEqual([['moved_up', 'Grow revenue']]);
    expect(report.risks.map((i) => i.kind)).toEqual(expect.arrayContaining(['new_blocker', 'confidence_drop']));
    expect(report.risks.every((i) => i.objectiveTitle === 'Ship mobile')).toBe(true);
    expect(report.decisions).toEqual([
      expect.objectContaining({ decision: 'Re-scope mobile to Android first', ownerName: 'Olivia Owner' }),
    ]);

    const whole = await t.w.owner.client.get<Report>(`${API}/cycles/${cycle.id}/report`);
    expect(whole.body.objectives).toHaveLength(3);
  });

  it('shares a read-only link that expires, is listed for admins and stops working when revoked or forged', async () => {
    const { team, cycle } = await world();
    const { owner } = t.w;
    const member = await addPerson(owner.client, { name: 'Mia Member' });
    expectProblem(
      await member.client.post(`${API}/report-shares`, { cycleId: cycle.id, teamId: team.id, days: 7 }),
      403,
      '/problems/forbidden',
    );
    expectProblem(
      await owner.client.post(`${API}/report-shares`, { cycleId: cycle.id, days: 400 }),
      422,
      '/problems/validation-failed',
      'days',
    );

    const created = await owner.client.post<Share>(`${API}/report-shares`, { cycleId: cycle.id, teamId: team.id, days: 7 });
    expectStatus(created, 201);
    expect(created.body.teamName).toBe('Growth');
    const token = created.body.url.slice(created.body.url.lastIndexOf('/') + 1);
    const open = (tok: string) => fetch(new URL(`${API}/shared-reports/${tok}`, t.server.url));

    const shared = await open(token);
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as Report).objectives.map((o) => o.title)).toEqual(['Ship mobile', 'Grow revenue']);
    const listed = await owner.client.get<Share[]>(`${API}/report-shares`);
    expect(listed.body.map((s) => s.id)).toEqual([created.body.id]);
    expectProblem(await member.client.get(`${API}/report-shares`), 403, '/problems/forbidden');

    const forged = await open(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).not.toContain('Growth');

    t.clock.setDay('2025-02-11');
    expect((await open(token)).status).toBe(404);
    t.clock.setDay('2025-02-04');
    expect((await open(token)).status).toBe(200);
    expect((await owner.client.delete(`${API}/report-shares/${created.body.id}`)).status).toBe(204);
    expect((await open(token)).status).toBe(404);
    expect((await owner.client.get<Share[]>(`${API}/report-shares`)).body).toEqual([]);
  });
});
