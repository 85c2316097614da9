/**
 * Property: whatever sequence of writes goes through the OKR services, every stored
 * `objectives.progress` and `key_results.progress` equals the from-scratch recomputation of the
 * cycle (`cycleSnapshot`). Random but valid graphs and operations from a seeded PRNG; the seed is
 * in every failure message so a failure can be replayed.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { objectives, organizations } from '../../src/db/schema/index.js';
import { AppError } from '../../src/server/errors.js';
import { createAccount } from '../../src/server/services/create-account.js';
import { addAlignment, removeAlignment } from '../../src/server/services/okrs/alignments.js';
import { createCheckIn, deleteCheckIn, updateCheckIn, type CheckInFields } from '../../src/server/services/okrs/check-ins.js';
import { createCycle } from '../../src/server/services/okrs/cycles.js';
import { createKeyResult, updateKeyResult, type KeyResultFields } from '../../src/server/services/okrs/key-results.js';
import { createObjective, updateObjective } from '../../src/server/services/okrs/objectives.js';
import type { Scope } from '../../src/server/services/scope.js';
import { serviceCaller } from './service-caller.js';
import { describeEachEngine } from '../support/engines.js';
import { PASSWORD, uniqueEmail } from '../support/fixtures.js';
import { addDays, Q1, rollupDifferences, type Driver, type Kind } from './support.js';

const SEEDS = [20250215, 7, 987654321];
const TODAY = '2025-02-15';
const OPERATIONS = 60;
const LEVEL_SIZES = [2, 4, 6]; // company, departments, teams: 12 objectives
const DRIVERS: readonly Driver[] = ['key_results', 'aligned', 'both'];
const WEIGHTS = [0.25, 0.5, 1, 1, 2, 3] as const;

/** mulberry32: a tiny 32-bit PRNG, good enough to pick test cases reproducibly. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return Math.floor(this.float(min, max + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
  weight(): number {
    return this.pick(WEIGHTS);
  }
  day(): string {
    return addDays(Q1.startDate, this.int(0, 45)); // 2025-01-01 … TODAY
  }
}

interface ObjectiveNode {
  id: string;
  title: string;
  level: number;
}
interface KeyResultNode {
  id: string;
  objectiveId: string;
  title: string;
  kind: Kind;
  level: number;
  start: number;
  target: number;
  min: number | null;
  max: number | null;
  milestones: number;
}
interface Link {
  id: string;
  childId: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
}

/** A key result definition of the given kind with random but valid numbers. */
function randomKeyResult(random: Random, kind: Kind, title: string): KeyResultFields & { title: string; kind: Kind } {
  const weight = random.weight();
  switch (kind) {
    case 'metric': {
      const start = random.int(0, 100);
      const distance = random.int(1, 100);
      return { title, kind, weight, startValue: start, targetValue: random.chance(0.35) ? start - distance : start + distance };
    }
    case 'threshold': {
      const min = random.int(0, 50);
      const shape = random.int(0, 2);
      if (shape === 0) return { title, kind, weight, targetMin: min };
      if (shape === 1) return { title, kind, weight, targetMax: min };
      return { title, kind, weight, targetMin: min, targetMax: min + random.int(0, 30) };
    }
    case 'milestone':
      return {
        title,
        kind,
        weight,
        milestones: Array.from({ length: random.int(1, 4) }, (_, i) => ({ title: `${title} step ${i + 1}`, weight: random.weight() })),
      };
    case 'rollup':
      return { title, kind, weight };
  }
}

/** The values a check-in carries for this key result: around, on and past its targets. */
function randomCheckIn(random: Random, kr: KeyResultNode): CheckInFields {
  switch (kr.kind) {
    case 'metric': {
      const span = kr.target - kr.start;
      return { value: Math.round((kr.start + span * random.float(-0.4, 1.5)) * 10) / 10 };
    }
    case 'threshold': {
      const edges = [kr.min, kr.max].filter((v): v is number => v !== null);
      const edge = random.pick(edges);
      return { value: random.pick([edge, edge - 1, edge + 1, edge + random.float(-20, 20)]) };
    }
    case 'milestone':
      return { milestonesDone: Array.from({ length: kr.milestones }, () => random.chance(0.5)) };
    case 'rollup':
      return { confidence: random.int(0, 10) };
  }
}

describeEachEngine('roll-ups maintained on write equal the from-scratch recomputation', (engine) => {
  let scope: Scope;
  beforeEach(async () => {
    await engine().reset();
    scope = await engine().db.transaction(async (tx) => {
      const [org] = await tx.insert(organizations).values({ name: 'Property Org' }).returning();
      const person = await createAccount(tx, {
        orgId: org!.id,
        name: 'Pia Property',
        email: uniqueEmail('property'),
        password: PASSWORD,
        role: 'owner',
      });
      return { orgId: org!.id, actorId: person.id };
    });
  });

  async function run(seed: number) {
    const { db } = engine();
    const { deps, actor } = serviceCaller(db, scope, TODAY);
    const random = new Random(seed);
    const cycle = await createCycle(deps, actor, { ...Q1, status: 'active' });
    let step = 'building the graph';
    const check = async () => {
      const differences = await rollupDifferences(db, scope.orgId, cycle.id, TODAY);
      expect(differences, `seed ${seed}, ${step}`).toEqual([]);
    };

    // The graph: 12 objectives on 3 levels, 1–3 key results each, each lower objective aligned
    // to 1–2 objectives or key results of higher levels (links only go up, so never a loop).
    // The first objective of each level forms a guaranteed chain L2-0 → L1-0 → L0-0.
    const nodes: ObjectiveNode[] = [];
    const krs: KeyResultNode[] = [];
    const links: Link[] = [];
    for (const [level, size] of LEVEL_SIZES.entries()) {
      for (let i = 0; i < size; i++) {
        const title = `L${level}-${i}`;
        const chain = i === 0;
        const progressDriver = chain ? (level === 2 ? 'key_results' : 'aligned') : random.pick(DRIVERS);
        const row = await createObjective(deps, actor, { cycleId: cycle.id, title, weight: random.weight(), progressDriver });
        nodes.push({ id: row.id, title, level });
        const count = random.int(1, 3);
        for (let k = 0; k < count; k++) {
          const kinds: Kind[] =
            level === 2 ? ['metric', 'metric', 'threshold', 'milestone'] : ['metric', 'threshold', 'milestone', 'rollup', 'rollup'];
          const input = randomKeyResult(random, chain && level === 2 && k === 0 ? 'metric' : random.pick(kinds), `${title}/kr${k}`);
          const kr = await createKeyResult(deps, actor, row.id, input);
          krs.push({
            id: kr.id,
            objectiveId: row.id,
            title: kr.title,
            kind: kr.kind,
            level,
            start: kr.startValue ?? 0,
            target: kr.targetValue ?? 0,
            min: kr.targetMin,
            max: kr.targetMax,
            milestones: kr.milestones?.length ?? 0,
          });
        }
      }
    }
    const linked = (childId: string, target: { parentObjectiveId?: string; parentKeyResultId?: string }) =>
      links.some(
        (l) =>
          l.childId === childId &&
          l.parentObjectiveId === (target.parentObjectiveId ?? null) &&
          l.parentKeyResultId === (target.parentKeyResultId ?? null),
      );
    /** A parent for `child` on a higher level: the objective itself or one of its key results. */
    const randomParent = (child: ObjectiveNode) => {
      const parent = random.pick(nodes.filter((n) => n.level < child.level));
      const parentKrs = krs.filter((k) => k.objectiveId === parent.id);
      return random.chance(0.5) && parentKrs.length > 0
        ? { parentKeyResultId: random.pick(parentKrs).id }
        : { parentObjectiveId: parent.id };
    };
    const align = async (child: ObjectiveNode, target: { parentObjectiveId?: string; parentKeyResultId?: string }) => {
      const row = await addAlignment(deps, actor, child.id, target);
      links.push({ id: row.id, childId: child.id, parentObjectiveId: row.parentObjectiveId, parentKeyResultId: row.parentKeyResultId });
    };
    const [company, department, team] = [0, 1, 2].map((level) => nodes.find((n) => n.title === `L${level}-0`)!);
    await align(department!, { parentObjectiveId: company!.id });
    await align(team!, { parentObjectiveId: department!.id });
    for (const child of nodes.filter((n) => n.level > 0)) {
      const wanted = random.int(1, 2);
      for (let attempt = 0; attempt < 6 && links.filter((l) => l.childId === child.id).length < wanted; attempt++) {
        const target = randomParent(child);
        if (!linked(child.id, target)) await align(child, target);
      }
    }
    await check();

    // Not vacuous: a check-in on the team key result reaches the company objective two levels up
    // in the same write (a roll-up that stopped after one level would leave it at 0 here).
    const teamKr = krs.find((k) => k.title === 'L2-0/kr0')!;
    const storedProgress = async (id: string) =>
      (await db.select({ progress: objectives.progress }).from(objectives).where(eq(objectives.id, id)))[0]!.progress;
    expect(await storedProgress(company!.id), `seed ${seed}: nothing checked in yet`).toBe(0);
    step = 'checking in the team key result at its target';
    await createCheckIn(deps, actor, teamKr.id, { value: teamKr.target, asOf: TODAY });
    expect(await storedProgress(company!.id), `seed ${seed}: the company objective did not move`).toBeGreaterThan(0);
    await check();

    // The operations, each followed by the comparison.
    const liveCheckIns: { id: string; kr: KeyResultNode }[] = [];
    const valued = krs.filter((k) => k.kind !== 'rollup');
    const roots = nodes.filter((n) => n.level === 0);
    const rootProgress = async () =>
      (
        await db
          .select({ id: objectives.id, progress: objectives.progress })
          .from(objectives)
          .where(and(eq(objectives.orgId, scope.orgId), eq(objectives.cycleId, cycle.id)))
      )
        .filter((o) => roots.some((r) => r.id === o.id))
        .map((o) => o.progress);
    /** How many times each kind of operation ran; a team check-in that moved a company objective counts twice. */
    const ran = new Map<string, number>();
    const count = (kind: string) => ran.set(kind, (ran.get(kind) ?? 0) + 1);

    for (let n = 1; n <= OPERATIONS; n++) {
      const roll = random.float(0, 1);
      if (roll < 0.34 || liveCheckIns.length === 0) {
        const kr = random.chance(0.85) ? random.pick(valued) : random.pick(krs);
        const fields = { ...randomCheckIn(random, kr), asOf: random.day() };
        step = `op ${n}: check-in on ${kr.title} ${JSON.stringify(fields)}`;
        const before = await rootProgress();
        const row = await createCheckIn(deps, actor, kr.id, fields);
        liveCheckIns.push({ id: row.id, kr });
        const after = await rootProgress();
        count('check-in');
        if (kr.level === 2 && after.some((p, i) => Math.abs(p - before[i]!) > 1e-12)) count('team check-in moving a company objective');
      } else if (roll < 0.46) {
        const target = random.pick(liveCheckIns);
        const fields: CheckInFields = { ...randomCheckIn(random, target.kr), ...(random.chance(0.5) ? { asOf: random.day() } : {}) };
        step = `op ${n}: correct a check-in on ${target.kr.title} ${JSON.stringify(fields)}`;
        await updateCheckIn(deps, actor, target.id, fields);
        count('correction');
      } else if (roll < 0.54) {
        const index = random.int(0, liveCheckIns.length - 1);
        const [target] = liveCheckIns.splice(index, 1);
        step = `op ${n}: delete a check-in on ${target!.kr.title}`;
        await deleteCheckIn(deps, actor, target!.id);
        count('deletion');
      } else if (roll < 0.62) {
        const kr = random.pick(krs);
        const weight = random.weight();
        step = `op ${n}: weight ${weight} for ${kr.title}`;
        await updateKeyResult(deps, actor, kr.id, { weight });
        count('key result weight');
      } else if (roll < 0.7) {
        const node = random.pick(nodes);
        const weight = random.weight();
        step = `op ${n}: weight ${weight} for ${node.title}`;
        await updateObjective(deps, actor, node.id, { weight });
        count('objective weight');
      } else if (roll < 0.78) {
        const node = random.pick(nodes);
        const progressDriver = random.pick(DRIVERS);
        step = `op ${n}: driver ${progressDriver} for ${node.title}`;
        await updateObjective(deps, actor, node.id, { progressDriver });
        count('driver');
      } else if (roll < 0.88) {
        const child = random.pick(nodes.filter((node) => node.level > 0));
        const target = randomParent(child);
        step = `op ${n}: align ${child.title} to ${JSON.stringify(target)}`;
        if (linked(child.id, target)) continue;
        await align(child, target);
        count('alignment');
      } else if (roll < 0.96) {
        if (links.length === 0) continue;
        const index = random.int(0, links.length - 1);
        const [link] = links.splice(index, 1);
        step = `op ${n}: remove alignment ${JSON.stringify(link)}`;
        await removeAlignment(deps, actor, link!.childId, link!.id);
        count('unalignment');
      } else {
        // A loop: the parent of an existing link aligning to its own child (or the child's key result).
        if (links.length === 0) continue;
        const link = random.pick(links);
        const parentId = link.parentObjectiveId ?? krs.find((k) => k.id === link.parentKeyResultId)!.objectiveId;
        const childKrs = krs.filter((k) => k.objectiveId === link.childId);
        const target =
          random.chance(0.5) && childKrs.length > 0 ? { parentKeyResultId: random.pick(childKrs).id } : { parentObjectiveId: link.childId };
        step = `op ${n}: loop ${parentId} → ${JSON.stringify(target)} must be refused`;
        const refused = await addAlignment(deps, actor, parentId, target).then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused instanceof AppError ? refused.code : refused, `seed ${seed}, ${step}`).toBe('validation-failed');
        count('refused loop');
      }
      await check();
    }

    // The chain is intact unless an operation removed a link of it; the company objective can
    // never align under the team objective it (still or once) sat above.
    step = 'the company objective aligning to the team objective';
    const closing = await addAlignment(deps, actor, company!.id, { parentObjectiveId: team!.id }).then(
      () => 'accepted',
      (error: unknown) => (error instanceof AppError ? error.code : error),
    );
    const chainIntact =
      links.some((l) => l.childId === team!.id && l.parentObjectiveId === department!.id) &&
      links.some((l) => l.childId === department!.id && l.parentObjectiveId === company!.id);
    if (chainIntact) expect(closing, `seed ${seed}: ${step} must be refused`).toBe('validation-failed');
    await check();
    return ran;
  }

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${OPERATIONS} random writes keep every stored progress equal to the recomputation`, async () => {
      const ran = await run(seed);
      // Every kind of write was exercised (the seeds are fixed, so this is deterministic).
      const kinds = ['check-in', 'correction', 'deletion', 'key result weight', 'objective weight', 'driver', 'alignment', 'unalignment'];
      expect(
        kinds.filter((kind) => !ran.has(kind)),
        `seed ${seed} ran ${JSON.stringify([...ran])}`,
      ).toEqual([]);
    }, 90_000);
  }
});
