import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { objectiveQualityPenalties } from '../../src/db/schema/index.js';
import type { heatmapSchema } from '../../src/server/http/across/heatmap-schema.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

type Heatmap = z.output<typeof heatmapSchema>;

const KEPT_FINDINGS = ['key-result-not-measurable:block', 'missing-why-important:warn', 'not-aligned:warn', 'data-not-ready:warn'];
const TIPS = ['too-few-key-results:tip', 'missing-why-urgent:tip'];

/**
 * Q1 2025, today 31 January. Sales's one objective "Win the mid-market" (committed, started 1 January, one key result
 * 0 → 100 with no data source, checked in at 10 on 29 January without a note, no why, aligned to nothing). By hand:
 *   kept part (what it says): a key result that is not measurable (block 25), no why-important (warn 10), not aligned
 *     (warn 10), data not ready (warn 10), one key result only (tip 3), no why-urgent (tip 3): 61 points;
 *   read part on 31 January: at 0.1 with a third of the cycle gone and no note (behind pace, warn 10): 100 − 71 = 29.
 */
describeEachEngine('Heatmap quality: kept on write, the date-bound rules on read', (engine) => {
  const t = useOkrWorld(engine, '2025-01-31');

  it('scores the hand-worked example and follows writes, the date and the principles', { timeout: 120_000 }, async () => {
    const w = t.w;
    const sales = await createTeam(w.owner.client, { name: 'Sales', kind: 'department' });
    const { objective, kr } = await w.api.objectiveAt(
      { cycleId: w.cycle.id, title: 'Win the mid-market', teamId: sales.id, effectiveStartDate: '2025-01-01' },
      10,
      '2025-01-29',
    );
    const kept = async () =>
      (await engine().handle.db.select().from(objectiveQualityPenalties).where(eq(objectiveQualityPenalties.objectiveId, objective.id)))[0]
        ?.penalty;
    /** Sales's score on the heatmap, after checking it against the coach's own (the team's quality badge). */
    const score = async () => {
      const map = await w.owner.client.get<Heatmap>(`${API}/cycles/${w.cycle.id}/heatmap`);
      expectStatus(map, 200);
      const badge = await w.owner.client.get<{ score: number }>(`${API}/teams/${sales.id}/quality?cycleId=${w.cycle.id}`);
      const findings = await w.owner.client.get<{ findings: { ruleId: string; severity: string }[] }>(
        `${API}/objectives/${objective.id}/quality`,
      );
      const row = map.body.departments[0]!.teams[0]!;
      expect({ score: row.qualityScore, findings: findings.body.findings.map((f) => `${f.ruleId}:${f.severity}`) }).toEqual({
        score: badge.body.score,
        findings: expect.any(Array),
      });
      return { score: row.qualityScore, findings: findings.body.findings.map((f) => `${f.ruleId}:${f.severity}`) };
    };

    // Kept on write, in the objective's own transaction.
    expect(await kept()).toBe(61);
    expect(await score()).toEqual({ score: 29, findings: [...KEPT_FINDINGS, 'behind-pace-without-note:warn', ...TIPS] });

    // Saying why it matters and why now: the kept part drops both findings at once.
    expectStatus(
      await w.owner.client.patch(`${API}/objectives/${objective.id}`, {
        whyImportant: 'Mid-market is half our pipeline',
        whyUrgent: 'Budgets close in March',
      }),
      200,
    );
    expect(await kept()).toBe(48);
    expect(await score()).toEqual({
      score: 100 - 48 - 10,
      findings: [
        'key-result-not-measurable:block',
        'not-aligned:warn',
        'data-not-ready:warn',
        'behind-pace-without-note:warn',
        'too-few-key-results:tip',
      ],
    });

    // Three weeks later with no check-in since 29 January: the date-bound rules speak, nothing was written.
    t.clock.setDay('2025-02-20');
    expect(await score()).toEqual({
      score: 100 - 48 - 10 - 10,
      findings: [
        'key-result-not-measurable:block',
        'not-aligned:warn',
        'data-not-ready:warn',
        'no-recent-check-in:warn',
        'behind-pace-without-note:warn',
        'too-few-key-results:tip',
      ],
    });
    expect(await kept()).toBe(48);

    // New principles forget every kept score; the heatmap scores again, under the new rules, and keeps it.
    expectStatus(await w.owner.client.put(`${API}/organization/principles`, { rules: { 'no-recent-check-in': 'off' } }), 200);
    expect(await kept()).toBeUndefined();
    expect(await score()).toEqual({
      score: 100 - 48 - 10,
      findings: [
        'key-result-not-measurable:block',
        'not-aligned:warn',
        'data-not-ready:warn',
        'behind-pace-without-note:warn',
        'too-few-key-results:tip',
      ],
    });
    expect(await kept()).toBe(48);

    // The latest note comes from the check-in digests PostgreSQL keeps: a noted check-in explains the lag, deleting it
    // brings back the earlier check-in without a note.
    const noted = await w.api.checkIn(kr.id, { value: 10, asOf: '2025-02-20', note: 'The pilot customer moved to April' });
    const explained = await score();
    expect(explained.score).toBe(100 - 48);
    expect(explained.findings).not.toContain('behind-pace-without-note:warn');
    expectStatus(await w.owner.client.delete(`${API}/check-ins/${noted.id}`), 204);
    expect((await score()).score).toBe(100 - 48 - 10);
  });
});
