import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { initiatives, keyResults } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectRollupsConsistent, percent, useOkrWorld } from '../okrs/support.js';

interface Finding {
  ruleId: string;
  action?: { kind: string; title: string; keyResultId: string; under: string[] };
}

describeEachEngine('The coach’s “move this to an initiative”', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it(
    'offers it on an output key result, and moving makes an initiative under the result and drops the output',
    { timeout: 180_000 },
    async () => {
      const { owner, api, cycle } = t.w;
      const objective = await api.createPublished({ cycleId: cycle.id, title: 'Make onboarding effortless' });
      const result = await api.createKeyResult(objective.id, percent('Teams completing onboarding in week 1'));
      const output = await api.createKeyResult(objective.id, { ...percent('Launch the new onboarding flow'), weight: 2 });
      await api.checkIn(output.id, { value: 80 });
      await api.checkIn(result.id, { value: 20 });
      expect((await api.objective(objective.id)).progress).toBeCloseTo((2 * 0.8 + 0.2) / 3);

      const report = await owner.client.get<{ findings: Finding[] }>(`${API}/objectives/${objective.id}/quality`);
      const offer = report.body.findings.find((f) => f.ruleId === 'key-result-is-output')!.action;
      expect(offer).toEqual({
        kind: 'move_to_initiative',
        title: 'Launch the new onboarding flow',
        keyResultId: output.id,
        under: [result.id],
      });

      // Bad input names the field and changes nothing.
      const move = (id: string, underKeyResultId: string, client = owner.client) =>
        client.post(`${API}/key-results/${id}/move-to-initiative`, { underKeyResultId });
      expectProblem(await move(output.id, output.id), 422, '/problems/validation-failed', 'underKeyResultId');
      const elsewhere = await api.createPublished({ cycleId: cycle.id, title: 'Elsewhere' });
      const foreign = await api.createKeyResult(elsewhere.id, percent('Other result'));
      expectProblem(await move(output.id, foreign.id), 422, '/problems/validation-failed', 'underKeyResultId');
      expectProblem(await move(output.id, '00000000-0000-4000-8000-000000000000'), 404, '/problems/not-found', 'underKeyResultId');
      const outsider = await addPerson(owner.client);
      expectProblem(await move(output.id, result.id, outsider.client), 403, '/problems/forbidden');
      expect(await engine().db.select().from(initiatives)).toHaveLength(0);

      const moved = await move(output.id, result.id);
      expectStatus(moved, 201);
      expect(moved.body).toMatchObject({
        keyResultId: result.id,
        title: 'Launch the new onboarding flow',
        status: 'planned',
        ownerId: owner.user.id,
      });
      const left = await engine().db.select({ id: keyResults.id }).from(keyResults).where(eq(keyResults.objectiveId, objective.id));
      expect(left.map((k) => k.id)).toEqual([result.id]);
      // The objective is measured by its result alone now, and the roll-ups agree with a recomputation.
      expect((await api.objective(objective.id)).progress).toBeCloseTo(0.2);
      await expectRollupsConsistent(engine().db, t.w.orgId, cycle.id, '2025-02-15');
      const after = await owner.client.get<{ findings: Finding[] }>(`${API}/objectives/${objective.id}/quality`);
      expect(after.body.findings.some((f) => f.ruleId === 'key-result-is-output')).toBe(false);
    },
  );
});
