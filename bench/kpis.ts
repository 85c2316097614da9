/**
 * Issue 15's speed targets at bench scale. The team KPI board (`kpiBoard` operation): one team with 50 KPIs and two
 * years of weekly values, read as GET /api/v1/kpis?teamId=… reads it (p95 ≤ 30 ms on the server). And the values that
 * arrive by themselves (bench/kpi-ingest.ts): KPIs followed by metric key results of the active cycle, and key results
 * with ingest tokens of their own, seeded here.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../src/db/database.js';
import { ingestTokens, keyResultKpis, kpiValues, kpis } from '../src/db/schema/index.js';
import { hashToken, type Actor } from '../src/server/auth/actor.js';
import { kpiBoard } from '../src/server/services/kpis/kpi-board.js';

export const BOARD_KPIS = 50;
export const BOARD_WEEKS = 104;
const DAY = 86_400_000;

/** `weeks` weekly dates ending at `today`, oldest first. */
const weeklyDates = (today: string, weeks: number) =>
  Array.from({ length: weeks }, (_, w) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - (weeks - 1 - w) * 7 * DAY).toISOString().slice(0, 10),
  );

interface KpiSeed {
  orgId: string;
  teamId: string | null;
  ownerId: string;
  name: string;
  today: string;
  weeks: number;
}

/** One KPI (higher is better: healthy ≥ 50, watch ≥ 30) with a weekly history that stays healthy or on watch. */
async function seedKpi(db: Database, seed: KpiSeed, k: number): Promise<string> {
  const [kpi] = await db
    .insert(kpis)
    .values({
      orgId: seed.orgId,
      teamId: seed.teamId,
      ownerId: seed.ownerId,
      name: seed.name,
      unit: 'points',
      direction: 'higher_is_better',
      healthy: 50,
      watch: 30,
    })
    .returning({ id: kpis.id });
  const rows = weeklyDates(seed.today, seed.weeks).map((asOf, w) => ({
    orgId: seed.orgId,
    kpiId: kpi!.id,
    asOf,
    value: 40 + ((k * 7 + w * 13) % 60),
    source: 'bench',
  }));
  await db.insert(kpiValues).values(rows);
  return kpi!.id;
}

/** The board the `kpiBoard` operation reads: one team's 50 KPIs with 104 weekly values each, whatever the scale. */
export async function seedKpiBoard(db: Database, orgId: string, teamId: string, ownerId: string, today: string): Promise<void> {
  for (let k = 0; k < BOARD_KPIS; k++) await seedKpi(db, { orgId, teamId, ownerId, name: `Board KPI ${k}`, today, weeks: BOARD_WEEKS }, k);
}

/** The read behind a team's KPI board; answers the KPIs presented. */
export async function readKpiBoard(db: Database, actor: Actor, teamId: string): Promise<number> {
  const board = await kpiBoard(db, actor, { teamId });
  if (board.length !== BOARD_KPIS) throw new Error(`the board shows ${board.length} KPIs, expected ${BOARD_KPIS}`);
  return board.length;
}

export interface IngestTarget {
  metricId: string;
  token: string;
  kind: 'kpi' | 'key_result';
}

/**
 * What the pushers push to: `count` company KPIs (a year of weekly history each), each followed by its own metric key
 * result (so every pushed value is also a check-in propagated to the top), and `count` other metric key results with
 * tokens of their own (a pushed value becomes a proposed check-in). Tokens are written as the service writes them.
 */
export async function seedIngestTargets(
  db: Database,
  orgId: string,
  keyResults: { id: string; ownerId: string }[],
  count: number,
  today: string,
): Promise<IngestTarget[]> {
  const n = Math.min(count, Math.floor(keyResults.length / 2));
  const targets: IngestTarget[] = [];
  const token = () => `cairn_ingest_${randomBytes(24).toString('base64url')}`;
  for (let i = 0; i < n; i++) {
    const followed = keyResults[2 * i]!;
    const own = keyResults[2 * i + 1]!;
    const kpiId = await seedKpi(db, { orgId, teamId: null, ownerId: followed.ownerId, name: `Pushed KPI ${i}`, today, weeks: 52 }, i);
    await db.insert(keyResultKpis).values({ orgId, keyResultId: followed.id, kpiId, followsKpi: true });
    const forKpi = token();
    const forKeyResult = token();
    await db.insert(ingestTokens).values([
      { orgId, kpiId, tokenHash: hashToken(forKpi), label: 'bench', createdBy: followed.ownerId },
      { orgId, keyResultId: own.id, tokenHash: hashToken(forKeyResult), label: 'bench', createdBy: own.ownerId },
    ]);
    targets.push({ metricId: kpiId, token: forKpi, kind: 'kpi' }, { metricId: own.id, token: forKeyResult, kind: 'key_result' });
  }
  return targets;
}
