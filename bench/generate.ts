/**
 * A deterministic, realistically shaped organisation for the benchmark: one org; people with
 * managers; a team tree (divisions → departments → teams) with memberships; four quarterly
 * cycles; per cycle objectives on six levels (company → division → department → team →
 * team sub-objective → individual), each aligned to a parent objective or to one of its key
 * results; three key results per objective; ten check-ins per key result spread over the cycle.
 *
 * Everything is built in memory from one seed. Check-ins are kept column-wise in typed arrays:
 * at full scale there are 1.5 million of them.
 */
import type { MilestoneRow } from '../src/db/schema/index.js';
import type { CheckInCadence, CycleStatus, ObjectiveStatus, Role, TeamKind, TeamMemberRole } from '../src/domain/vocabulary.js';
import type { ProgressDriver } from '../src/domain/index.js';
import { Rng } from './rng.js';

/** Sizes at scale 1, as the issue asks. */
export const FULL_SIZES = {
  people: 10_000,
  teams: 1_000,
  objectives: 50_000,
  cycles: 4,
  keyResultsPerObjective: 3,
  checkInsPerKeyResult: 10,
} as const;

/** Share of one cycle's objectives on each level (5 / 30 / 160 / 1,900 / 2,850 / 7,555 of 12,500 at full scale). */
const LEVEL_SHARES = [5, 30, 160, 1_900, 2_850] as const;
const LEVEL_NAMES = ['company', 'division', 'department', 'team', 'team sub-objective', 'individual'] as const;
export const LEVELS = LEVEL_NAMES.length;

export interface BenchSizes {
  scale: number;
  people: number;
  teams: number;
  divisions: number;
  departments: number;
  squads: number;
  cycles: number;
  objectivesPerCycle: number;
  /** Objectives per level in one cycle, company first. */
  levelCounts: number[];
  keyResultsPerObjective: number;
  checkInsPerKeyResult: number;
}

export function sizesFor(scale: number): BenchSizes {
  if (!(scale > 0 && scale <= 1)) throw new RangeError('scale must be in (0, 1]');
  const people = Math.max(20, Math.round(FULL_SIZES.people * scale));
  const teams = Math.max(4, Math.round(FULL_SIZES.teams * scale));
  const divisions = Math.max(1, Math.round(teams * 0.01));
  const departments = Math.max(1, Math.round(teams * 0.04));
  const objectivesPerCycle = Math.max(30, Math.round((FULL_SIZES.objectives / FULL_SIZES.cycles) * scale));
  const upper = LEVEL_SHARES.map((share) => Math.max(1, Math.round((share / 12_500) * objectivesPerCycle)));
  const levelCounts = [...upper, objectivesPerCycle - upper.reduce((a, b) => a + b, 0)];
  return {
    scale,
    people,
    teams,
    divisions,
    departments,
    squads: teams - divisions - departments,
    cycles: FULL_SIZES.cycles,
    objectivesPerCycle,
    levelCounts,
    keyResultsPerObjective: FULL_SIZES.keyResultsPerObjective,
    checkInsPerKeyResult: FULL_SIZES.checkInsPerKeyResult,
  };
}

export interface GenUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  title: string;
  managerId: string | null;
}

export interface GenTeam {
  id: string;
  name: string;
  kind: TeamKind;
  parentIndex: number | null;
  cadence: CheckInCadence;
  /** Index into users of the lead (head of a division or department, lead of a team). */
  lead: number;
  /** Users whose primary team this is (teams only; heads belong to their unit). */
  members: number[];
}

export interface GenMembership {
  teamIndex: number;
  userIndex: number;
  role: TeamMemberRole;
}

export interface GenCycle {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: CycleStatus;
  closedAt: Date | null;
}

export interface GenObjective {
  id: string;
  cycleIndex: number;
  level: number;
  title: string;
  description: string | null;
  ownerIndex: number;
  teamIndex: number | null;
  type: 'committed' | 'aspirational';
  weight: number;
  driver: ProgressDriver;
  status: ObjectiveStatus;
  createdAt: Date;
  /** Index of its first key result; the others follow it. */
  firstKeyResult: number;
  keyResultCount: number;
}

export type KeyResultKind = 'metric' | 'threshold' | 'milestone' | 'rollup';

export interface GenKeyResult {
  id: string;
  objectiveIndex: number;
  title: string;
  ownerIndex: number;
  weight: number;
  kind: KeyResultKind;
  unit: string | null;
  startValue: number | null;
  targetValue: number | null;
  targetMin: number | null;
  targetMax: number | null;
  milestones: MilestoneRow[] | null;
  position: number;
}

export interface GenAlignment {
  childIndex: number;
  parentObjectiveIndex: number | null;
  parentKeyResultIndex: number | null;
}

export interface GenContributor {
  objectiveIndex: number;
  userIndex: number;
}

/** Check-ins column-wise; a null is NaN (values) or -1 (the integer columns). */
export interface GenCheckIns {
  count: number;
  keyResult: Int32Array;
  /** Days since 1970-01-01. */
  day: Int32Array;
  /** Minutes after midnight UTC of `day` when it was entered. */
  minute: Int16Array;
  value: Float64Array;
  confidence: Int8Array;
  /** Bit i set = milestone i done; -1 = no milestone flags. */
  milestonesDone: Int32Array;
  note: Int16Array;
  blockers: Int16Array;
}

export interface Dataset {
  sizes: BenchSizes;
  seed: number;
  org: { id: string; name: string };
  users: GenUser[];
  teams: GenTeam[];
  memberships: GenMembership[];
  cycles: GenCycle[];
  /** The cycle the measurements use, and the date they run on (inside it). */
  activeCycleIndex: number;
  today: string;
  objectives: GenObjective[];
  keyResults: GenKeyResult[];
  alignments: GenAlignment[];
  contributors: GenContributor[];
  checkIns: GenCheckIns;
}

export const NOTES = [
  'Shipped the first iteration; numbers should move next week.',
  'Slower than planned: two people out this sprint.',
  'On track after the pricing change.',
  'Measured again with the new dashboard, the old query double counted.',
  'Waiting for the partner integration to go live.',
  'Good week: the experiment beat the control group.',
  'Re-scoped with the team; the target still holds.',
  'Data is from the Monday export.',
] as const;

export const BLOCKERS = [
  'Blocked on the data team for the tracking events.',
  'Legal review of the new terms is pending.',
  'Vendor contract not signed yet.',
] as const;

const FIRST_NAMES = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Grete',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemal',
  'Lea',
  'Mateo',
  'Nora',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zofia',
];
const LAST_NAMES = [
  'Almeida',
  'Berger',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Horvat',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Laurent',
  'Moreau',
  'Nakamura',
  'Olsen',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Novak',
  'Weber',
  'Yilmaz',
];
const UNIT_NAMES = [
  'Platform',
  'Growth',
  'Payments',
  'Search',
  'Mobile',
  'Data',
  'Support',
  'Security',
  'Onboarding',
  'Billing',
  'Marketplace',
  'Infrastructure',
  'Analytics',
  'Partners',
  'Sales',
  'Brand',
];
const VERBS = ['Grow', 'Improve', 'Reduce', 'Launch', 'Scale', 'Simplify', 'Strengthen', 'Modernise', 'Accelerate', 'Stabilise'];
const THEMES = [
  'self-serve onboarding',
  'enterprise revenue',
  'checkout reliability',
  'customer retention',
  'search relevance',
  'mobile engagement',
  'support response times',
  'data quality',
  'release cadence',
  'partner ecosystem',
  'infrastructure cost efficiency',
  'security posture',
];
const KR_METRICS: readonly { title: string; unit: string }[] = [
  { title: 'Weekly active accounts', unit: 'accounts' },
  { title: 'Net revenue retention', unit: '%' },
  { title: 'Median time to first value', unit: 'min' },
  { title: 'Conversion from trial to paid', unit: '%' },
  { title: 'p95 API latency', unit: 'ms' },
  { title: 'Tickets resolved within a day', unit: '%' },
  { title: 'Monthly recurring revenue', unit: 'EUR' },
  { title: 'Customer satisfaction (CSAT)', unit: 'points' },
  { title: 'Deploys per week', unit: 'deploys' },
  { title: 'Open critical vulnerabilities', unit: 'issues' },
];

const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function shuffled(rng: Rng, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The four quarters of 2025: Q1–Q3 closed, Q4 active, and "today" half-way through Q4. */
function makeCycles(rng: Rng): { cycles: GenCycle[]; activeCycleIndex: number; today: string } {
  const quarters: [string, string][] = [
    ['2025-01-01', '2025-03-31'],
    ['2025-04-01', '2025-06-30'],
    ['2025-07-01', '2025-09-30'],
    ['2025-10-01', '2025-12-31'],
  ];
  const cycles = quarters.map(([startDate, endDate], i): GenCycle => {
    const closed = i < quarters.length - 1;
    return {
      id: rng.uuid(),
      name: `Q${i + 1} 2025`,
      startDate,
      endDate,
      status: closed ? 'closed' : 'active',
      closedAt: closed ? new Date((dayOf(endDate) + 5) * DAY_MS + 10 * 3_600_000) : null,
    };
  });
  return { cycles, activeCycleIndex: quarters.length - 1, today: '2025-11-19' };
}

function makePeopleAndTeams(rng: Rng, sizes: BenchSizes) {
  const users: GenUser[] = [];
  const person = (role: Role, title: string, managerId: string | null) => {
    const i = users.length;
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
    users.push({ id: rng.uuid(), name, email: `person${i}@bench.cairn.example`, role, title, managerId });
    return i;
  };
  const ceo = person('owner', 'Chief Executive Officer', null);
  const teams: GenTeam[] = [];
  const team = (kind: TeamKind, name: string, parentIndex: number | null, lead: number) => {
    const r = rng.next();
    teams.push({
      id: rng.uuid(),
      name,
      kind,
      parentIndex,
      lead,
      members: [],
      cadence: r < 0.7 ? 'weekly' : r < 0.95 ? 'biweekly' : 'monthly',
    });
    return teams.length - 1;
  };
  const divisions: number[] = [];
  for (let d = 0; d < sizes.divisions; d++) {
    const head = person(d < 2 ? 'admin' : 'member', 'VP', users[ceo]!.id);
    divisions.push(
      team('department', `${UNIT_NAMES[d % UNIT_NAMES.length]} Division${d >= UNIT_NAMES.length ? ` ${d + 1}` : ''}`, null, head),
    );
  }
  const departments: number[] = [];
  for (let p = 0; p < sizes.departments; p++) {
    const parent = divisions[p % divisions.length]!;
    const head = person('member', 'Director', users[teams[parent]!.lead]!.id);
    departments.push(team('department', `${UNIT_NAMES[(p * 7 + 3) % UNIT_NAMES.length]} Department ${p + 1}`, parent, head));
  }
  const squads: number[] = [];
  const remaining = sizes.people - users.length;
  for (let s = 0; s < sizes.squads; s++) {
    const parent = departments[s % departments.length]!;
    // The lead is created with the team; the other members are spread round-robin below.
    const lead = s < remaining ? person('member', 'Team Lead', users[teams[parent]!.lead]!.id) : teams[parent]!.lead;
    const t = team('team', `Team ${UNIT_NAMES[s % UNIT_NAMES.length]} ${s + 1}`, parent, lead);
    if (s < remaining) teams[t]!.members.push(lead);
    squads.push(t);
  }
  let s = 0;
  while (users.length < sizes.people) {
    const t = teams[squads[s % squads.length]!]!;
    t.members.push(
      person('member', rng.chance(0.2) ? 'Senior Engineer' : rng.chance(0.3) ? 'Product Manager' : 'Engineer', users[t.lead]!.id),
    );
    s++;
  }
  const memberships: GenMembership[] = [];
  for (const [i, t] of teams.entries()) {
    if (t.kind === 'department') memberships.push({ teamIndex: i, userIndex: t.lead, role: 'lead' });
    else for (const m of t.members) memberships.push({ teamIndex: i, userIndex: m, role: m === t.lead ? 'lead' : 'member' });
  }
  // Some people also work in a second team.
  for (const si of squads) {
    for (const m of teams[si]!.members) {
      if (m === teams[si]!.lead || !rng.chance(0.05)) continue;
      const other = squads[rng.int(squads.length)]!;
      if (other !== si && !teams[other]!.members.includes(m)) memberships.push({ teamIndex: other, userIndex: m, role: 'member' });
    }
  }
  return { users, teams, memberships, divisions, departments, squads, ceo };
}

export function generateDataset(scale: number, seed = 20_251_119): Dataset {
  const sizes = sizesFor(scale);
  const rng = new Rng(seed);
  const org = { id: rng.uuid(), name: 'Benchmark Industries' };
  const { users, teams, memberships, divisions, departments, squads, ceo } = makePeopleAndTeams(rng.fork(1), sizes);
  const { cycles, activeCycleIndex, today } = makeCycles(rng.fork(2));

  const objectives: GenObjective[] = [];
  const keyResults: GenKeyResult[] = [];
  const alignments: GenAlignment[] = [];
  const contributors: GenContributor[] = [];
  const krCount = sizes.keyResultsPerObjective;

  for (const [c, cycle] of cycles.entries()) {
    const crng = rng.fork(100 + c);
    const start = Date.parse(`${cycle.startDate}T00:00:00Z`) - 7 * DAY_MS;
    /** Objectives of this cycle per level, and per level per team. */
    const byLevel: number[][] = Array.from({ length: LEVELS }, () => []);
    const byLevelTeam: Map<number, number[]>[] = Array.from({ length: LEVELS }, () => new Map());
    const individuals = squads.flatMap((t) => teams[t]!.members.map((m) => ({ user: m, team: t })));
    const order = shuffled(crng, individuals.length);

    for (let level = 0; level < LEVELS; level++) {
      for (let i = 0; i < sizes.levelCounts[level]!; i++) {
        let teamIndex: number | null;
        let ownerIndex: number;
        if (level === 0) {
          teamIndex = null;
          ownerIndex = ceo;
        } else if (level === 1) {
          teamIndex = divisions[i % divisions.length]!;
          ownerIndex = teams[teamIndex]!.lead;
        } else if (level === 2) {
          teamIndex = departments[i % departments.length]!;
          ownerIndex = teams[teamIndex]!.lead;
        } else if (level === 3 || level === 4) {
          teamIndex = squads[i % squads.length]!;
          const members = teams[teamIndex]!.members;
          ownerIndex = level === 3 || members.length === 0 ? teams[teamIndex]!.lead : crng.pick(members);
        } else {
          const who = individuals[order[i % order.length]!]!;
          teamIndex = who.team;
          ownerIndex = who.user;
        }
        const objectiveIndex = objectives.length;
        const teamName = teamIndex === null ? 'company' : teams[teamIndex]!.name;
        const driverRoll = crng.next();
        const driver: ProgressDriver =
          level === LEVELS - 1
            ? 'key_results'
            : level === 0
              ? driverRoll < 0.4
                ? 'aligned'
                : 'both'
              : driverRoll < 0.7
                ? 'both'
                : driverRoll < 0.9
                  ? 'key_results'
                  : 'aligned';
        objectives.push({
          id: crng.uuid(),
          cycleIndex: c,
          level,
          title: `${crng.pick(VERBS)} ${crng.pick(THEMES)} (${LEVEL_NAMES[level]}, ${teamName})`,
          description: crng.chance(0.4)
            ? `Why now: ${crng.pick(THEMES)} is what ${teamName} hears about most from customers; this quarter we make it measurably better.`
            : null,
          ownerIndex,
          teamIndex,
          type: crng.chance(0.7) ? 'committed' : 'aspirational',
          weight: crng.chance(0.85) ? 1 : 2,
          driver,
          status: cycle.status === 'closed' ? 'closed' : 'active',
          createdAt: new Date(start + level * 3_600_000 + i * 1_000),
          firstKeyResult: keyResults.length,
          keyResultCount: krCount,
        });
        byLevel[level]!.push(objectiveIndex);
        if (teamIndex !== null) byLevelTeam[level]!.set(teamIndex, [...(byLevelTeam[level]!.get(teamIndex) ?? []), objectiveIndex]);
        if (level >= 3 && level <= 4 && crng.chance(0.1)) {
          const members = teams[teamIndex!]!.members;
          if (members.length > 0) contributors.push({ objectiveIndex, userIndex: crng.pick(members) });
        }

        const rollupChance = [0.6, 0.6, 0.5, 0.3, 0.15, 0][level]!;
        for (let k = 0; k < krCount; k++)
          keyResults.push(
            makeKeyResult(
              crng,
              objectiveIndex,
              k,
              k === 0 && crng.chance(rollupChance),
              ownerIndex,
              teamIndex === null ? [] : teams[teamIndex]!.members,
            ),
          );

        if (level > 0) {
          const parentIndex = chooseParent(crng, level, teamIndex!, teams, byLevel, byLevelTeam);
          alignments.push(linkTo(crng, objectiveIndex, parentIndex, objectives[parentIndex]!, keyResults));
        }
      }
    }
  }

  const checkIns = makeCheckIns(rng.fork(3), sizes, cycles, today, objectives, keyResults);
  return {
    sizes,
    seed,
    org,
    users,
    teams,
    memberships,
    cycles,
    activeCycleIndex,
    today,
    objectives,
    keyResults,
    alignments,
    contributors,
    checkIns,
  };
}

function makeKeyResult(
  rng: Rng,
  objectiveIndex: number,
  position: number,
  rollup: boolean,
  ownerIndex: number,
  members: number[],
): GenKeyResult {
  const base = {
    id: rng.uuid(),
    objectiveIndex,
    ownerIndex: members.length > 0 && rng.chance(0.5) ? rng.pick(members) : ownerIndex,
    weight: rng.chance(0.8) ? 1 : rng.pick([0.5, 2]),
    position,
    unit: null,
    startValue: null,
    targetValue: null,
    targetMin: null,
    targetMax: null,
    milestones: null,
  };
  if (rollup) return { ...base, kind: 'rollup', title: 'Aligned objectives deliver' };
  const roll = rng.next();
  if (roll < 0.75) {
    const metric = rng.pick(KR_METRICS);
    const startValue = Math.round(rng.between(10, 1_000));
    const targetValue = rng.chance(0.2) ? Math.round(startValue * rng.between(0.3, 0.8)) : Math.round(startValue * rng.between(1.2, 3));
    return {
      ...base,
      kind: 'metric',
      title: `${metric.title} from ${startValue} to ${targetValue}`,
      unit: metric.unit,
      startValue,
      targetValue,
    };
  }
  if (roll < 0.87) {
    const metric = rng.pick(KR_METRICS);
    const shape = rng.next();
    const targetMin = shape < 0.7 ? Math.round(rng.between(10, 500)) : null;
    const targetMax = shape >= 0.4 ? Math.round((targetMin ?? 0) + rng.between(50, 500)) : null;
    return { ...base, kind: 'threshold', title: `Keep ${metric.title.toLowerCase()} in range`, unit: metric.unit, targetMin, targetMax };
  }
  const count = 3 + rng.int(3);
  const milestones = Array.from({ length: count }, (_, i): MilestoneRow => ({
    title: `Milestone ${i + 1}: ${rng.pick(THEMES)}`,
    weight: rng.chance(0.8) ? 1 : 2,
    done: false,
  }));
  return { ...base, kind: 'milestone', title: `Deliver ${rng.pick(THEMES)}`, milestones };
}

/** A parent one level up, in the same part of the organisation when there is one. */
function chooseParent(
  rng: Rng,
  level: number,
  teamIndex: number,
  teams: GenTeam[],
  byLevel: number[][],
  byLevelTeam: Map<number, number[]>[],
): number {
  const up = level - 1;
  const parentTeam = teams[teamIndex]!.parentIndex;
  const candidates: (number[] | undefined)[] =
    level === 1
      ? [byLevel[0]]
      : level === 2 || level === 3
        ? [parentTeam === null ? undefined : byLevelTeam[up]!.get(parentTeam), byLevel[up]]
        : level === 4
          ? [byLevelTeam[3]!.get(teamIndex), byLevel[3]]
          : [byLevelTeam[4]!.get(teamIndex), byLevelTeam[3]!.get(teamIndex), byLevel[4]];
  const list = candidates.find((l) => l !== undefined && l.length > 0);
  if (!list) throw new Error(`no parent objective for level ${level}`);
  return rng.pick(list);
}

/** Aligned to the parent's rollup key result, to the parent objective, or to one of its other key results. */
function linkTo(rng: Rng, childIndex: number, parentIndex: number, parent: GenObjective, keyResults: GenKeyResult[]): GenAlignment {
  const krIndexes = Array.from({ length: parent.keyResultCount }, (_, k) => parent.firstKeyResult + k);
  const rollup = krIndexes.find((k) => keyResults[k]!.kind === 'rollup');
  if (rollup !== undefined && rng.chance(0.6)) return { childIndex, parentObjectiveIndex: null, parentKeyResultIndex: rollup };
  if (krIndexes.length === 0 || rng.chance(0.35)) return { childIndex, parentObjectiveIndex: parentIndex, parentKeyResultIndex: null };
  const others = krIndexes.filter((k) => keyResults[k]!.kind !== 'rollup');
  return { childIndex, parentObjectiveIndex: null, parentKeyResultIndex: rng.pick(others.length ? others : krIndexes) };
}

function makeCheckIns(
  rng: Rng,
  sizes: BenchSizes,
  cycles: GenCycle[],
  today: string,
  objectives: GenObjective[],
  keyResults: GenKeyResult[],
): GenCheckIns {
  const per = sizes.checkInsPerKeyResult;
  const count = keyResults.length * per;
  const out: GenCheckIns = {
    count,
    keyResult: new Int32Array(count),
    day: new Int32Array(count),
    minute: new Int16Array(count),
    value: new Float64Array(count),
    confidence: new Int8Array(count),
    milestonesDone: new Int32Array(count),
    note: new Int16Array(count),
    blockers: new Int16Array(count),
  };
  const todayDay = dayOf(today);
  let n = 0;
  for (const [k, kr] of keyResults.entries()) {
    const cycle = cycles[objectives[kr.objectiveIndex]!.cycleIndex]!;
    const first = dayOf(cycle.startDate);
    const last = Math.min(dayOf(cycle.endDate), todayDay);
    const span = last - first;
    const elapsed = span / (dayOf(cycle.endDate) - first);
    // How far along this key result gets by the end of the cycle (some overshoot, some stall).
    const pace = rng.between(0.05, 1.15);
    const satisfiedShare = rng.between(0.4, 1);
    for (let j = 0; j < per; j++, n++) {
      const x = ((j + 1) / per) * elapsed;
      out.keyResult[n] = k;
      out.day[n] = Math.max(first, Math.min(last, first + Math.round(((j + 1) * span) / per) - rng.int(3)));
      out.minute[n] = 8 * 60 + rng.int(10 * 60);
      out.value[n] = Number.NaN;
      out.milestonesDone[n] = -1;
      if (kr.kind === 'metric') {
        out.value[n] = round2(kr.startValue! + (kr.targetValue! - kr.startValue!) * pace * x * rng.between(0.9, 1.1));
      } else if (kr.kind === 'threshold') {
        const ok = rng.chance(satisfiedShare);
        const lo = kr.targetMin;
        const hi = kr.targetMax;
        const inside =
          lo !== null && hi !== null ? rng.between(lo, hi) : lo !== null ? lo * rng.between(1, 1.3) : hi! * rng.between(0.6, 1);
        const outside = lo !== null ? lo * rng.between(0.5, 0.95) : hi! * rng.between(1.05, 1.5);
        out.value[n] = round2(ok ? inside : outside);
      } else if (kr.kind === 'milestone') {
        const total = kr.milestones!.length;
        const done = Math.min(total, Math.floor(total * pace * x + 0.2));
        out.milestonesDone[n] = (1 << done) - 1;
      }
      out.confidence[n] = rng.chance(0.1) ? -1 : Math.min(10, 4 + rng.int(6) + (pace > 0.8 ? 1 : 0));
      out.note[n] = rng.chance(0.3) ? rng.int(NOTES.length) : -1;
      out.blockers[n] = rng.chance(0.05) ? rng.int(BLOCKERS.length) : -1;
    }
  }
  return out;
}

/** The done flags of check-in `n` for a key result with `total` milestones. */
export function milestoneFlags(mask: number, total: number): boolean[] {
  return Array.from({ length: total }, (_, i) => (mask & (1 << i)) !== 0);
}
