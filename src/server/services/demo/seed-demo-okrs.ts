import { addDays, daysBetween } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { activities, alignments, checkIns, cycles, keyResults, objectives } from '../../../db/schema/index.js';
import { refreshKeyResult } from '../okrs/rollup.js';
import { DEMO_NOTES, DEMO_OBJECTIVES, type DemoKeyResult } from './demo-okrs.js';

/** A small seeded generator, so the demo looks the same on every machine. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The calendar quarter holding `today`: the demo's active cycle. */
export function currentQuarter(today: string) {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((month - 1) / 3);
  const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { name: `Q${q + 1} ${year}`, start, end };
}

/** Weekly check-ins from the cycle start to today, moving toward the target at the key result's pace. */
function history(kr: DemoKeyResult, start: string, end: string, today: string, rand: () => number) {
  const length = daysBetween(start, end) + 1;
  const rows: { asOf: string; value: number | null; milestonesDone: boolean[] | null; confidence: number; note: string }[] = [];
  const lastWeek = Math.floor(daysBetween(start, today) / 7) - (kr.silentWeeks ?? 0);
  for (let week = 1; week <= lastWeek; week++) {
    const asOf = addDays(start, week * 7);
    const share = Math.min(1, (daysBetween(start, asOf) / length) * (kr.pace ?? 1) * (0.9 + rand() * 0.2));
    const confidence = Math.max(2, Math.min(10, Math.round(5 + (kr.pace ?? 1) * 3 + (rand() - 0.5) * 3)));
    const note = DEMO_NOTES[Math.floor(rand() * DEMO_NOTES.length)]!;
    if (kr.kind === 'metric')
      rows.push({
        asOf,
        value: Math.round((kr.start! + (kr.target! - kr.start!) * share) * 100) / 100,
        milestonesDone: null,
        confidence,
        note,
      });
    else if (kr.kind === 'threshold')
      rows.push({
        asOf,
        value: kr.min !== undefined ? kr.min + (rand() < 0.85 ? 0.2 : -0.3) : kr.max! - (rand() < 0.85 ? 12 : -8),
        milestonesDone: null,
        confidence,
        note,
      });
    else if (kr.kind === 'milestone')
      rows.push({
        asOf,
        value: null,
        milestonesDone: (kr.milestones ?? []).map((_, i, all) => share >= (i + 1) / (all.length + 0.5)),
        confidence,
        note,
      });
  }
  return rows;
}

/** The demo's current quarter with OKRs across all levels and its check-in history; roll-ups computed as on any write. */
export async function seedDemoOkrs(tx: Executor, orgId: string, people: Map<string, string>, teamIds: Map<string, string>, today: string) {
  const rand = random(42);
  const quarter = currentQuarter(today);
  const [cycle] = await tx
    .insert(cycles)
    .values({ orgId, name: quarter.name, startDate: quarter.start, endDate: quarter.end, status: 'active' })
    .returning();
  const objectiveIds = new Map<string, string>();
  const krIds = new Map<string, string>();
  for (const demo of DEMO_OBJECTIVES) {
    const [objective] = await tx
      .insert(objectives)
      .values({
        orgId,
        cycleId: cycle!.id,
        title: demo.title,
        ownerId: people.get(demo.owner)!,
        teamId: demo.team ? teamIds.get(demo.team)! : null,
        type: demo.type ?? 'committed',
        whyImportant: demo.whyImportant ?? null,
        whyUrgent: demo.whyUrgent ?? null,
      })
      .returning({ id: objectives.id });
    objectiveIds.set(demo.key, objective!.id);
    for (const [index, kr] of demo.keyResults.entries()) {
      const [row] = await tx
        .insert(keyResults)
        .values({
          orgId,
          objectiveId: objective!.id,
          title: kr.title,
          ownerId: people.get(kr.owner)!,
          kind: kr.kind,
          unit: kr.unit ?? (kr.kind === 'metric' ? 'number' : null),
          position: index,
          startValue: kr.start ?? null,
          targetValue: kr.target ?? null,
          targetMin: kr.min ?? null,
          targetMax: kr.max ?? null,
          milestones: kr.milestones ? kr.milestones.map((title) => ({ title, weight: 1, done: false })) : null,
        })
        .returning({ id: keyResults.id });
      krIds.set(`${demo.key}#${index}`, row!.id);
      const rows = history(kr, quarter.start, quarter.end, today, rand);
      if (rows.length > 0) {
        await tx.insert(checkIns).values(
          rows.map((r) => ({
            ...r,
            orgId,
            keyResultId: row!.id,
            authorId: people.get(kr.owner)!,
            createdAt: new Date(`${r.asOf}T16:00:00Z`),
          })),
        );
        // The same history an API check-in writes, so objective pages and the feed show it.
        await tx.insert(activities).values(
          rows.map((r) => ({
            orgId,
            actorId: people.get(kr.owner)!,
            action: 'check_in.created',
            entityType: 'key_result',
            entityId: row!.id,
            after: { value: r.value, note: r.note, confidence: r.confidence, asOf: r.asOf },
            createdAt: new Date(`${r.asOf}T16:00:00Z`),
          })),
        );
      }
    }
  }
  for (const demo of DEMO_OBJECTIVES) {
    for (const target of demo.alignsTo ?? []) {
      const isKr = target.includes('#');
      await tx.insert(alignments).values({
        orgId,
        childObjectiveId: objectiveIds.get(demo.key)!,
        parentObjectiveId: isKr ? null : objectiveIds.get(target)!,
        parentKeyResultId: isKr ? krIds.get(target)! : null,
      });
    }
  }
  // Leaves first: each refresh carries its change up through every ancestor.
  for (const id of [...krIds.values()].reverse()) await refreshKeyResult(tx, id);
  return { objectiveIds };
}
