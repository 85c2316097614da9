import { describe, expect, it } from 'vitest';
import { computeGraphProgress, graphRollup, type GraphAlignment, type GraphKeyResult, type GraphObjective } from './rollup-graph.js';

const metric = (id: string, objectiveId: string, current: number, weight = 1): GraphKeyResult => ({
  id,
  objectiveId,
  weight,
  measure: { kind: 'metric', startValue: 0, targetValue: 100, currentValue: current },
});

describe('computeGraphProgress', () => {
  const company: GraphObjective = { id: 'company', weight: 1, driver: 'key_results' };
  const cases: {
    name: string;
    objectives: GraphObjective[];
    krs: GraphKeyResult[];
    alignments: GraphAlignment[];
    expected: Record<string, number>;
  }[] = [
    {
      name: 'key results only, weighted',
      objectives: [company],
      krs: [metric('k1', 'company', 50, 1), metric('k2', 'company', 100, 3)],
      alignments: [],
      expected: { company: 0.875 },
    },
    {
      name: 'rollup key result driven by two team objectives',
      objectives: [company, { id: 'teamA', weight: 1, driver: 'key_results' }, { id: 'teamB', weight: 3, driver: 'key_results' }],
      krs: [
        { id: 'roll', objectiveId: 'company', weight: 1, measure: { kind: 'rollup' } },
        metric('a1', 'teamA', 100),
        metric('b1', 'teamB', 0),
      ],
      alignments: [
        { childObjectiveId: 'teamA', parentKeyResultId: 'roll' },
        { childObjectiveId: 'teamB', parentKeyResultId: 'roll' },
      ],
      expected: { company: 0.25, teamA: 1, teamB: 0 },
    },
    {
      name: 'driver aligned counts direct children and children of non-rollup key results',
      objectives: [
        { id: 'company', weight: 1, driver: 'aligned' },
        { id: 't1', weight: 1, driver: 'key_results' },
        { id: 't2', weight: 1, driver: 'key_results' },
      ],
      krs: [metric('c1', 'company', 0), metric('x', 't1', 40), metric('y', 't2', 80)],
      alignments: [
        { childObjectiveId: 't1', parentObjectiveId: 'company' },
        { childObjectiveId: 't2', parentKeyResultId: 'c1' },
      ],
      expected: { company: 0.6 },
    },
    {
      name: 'driver both pools key results and aligned objectives',
      objectives: [
        { id: 'company', weight: 1, driver: 'both' },
        { id: 't1', weight: 2, driver: 'key_results' },
      ],
      krs: [metric('c1', 'company', 10), metric('x', 't1', 70)],
      alignments: [{ childObjectiveId: 't1', parentObjectiveId: 'company' }],
      expected: { company: (0.1 + 2 * 0.7) / 3 },
    },
    {
      name: 'multi-parent: one child counts in both parents',
      objectives: [
        { id: 'p1', weight: 1, driver: 'aligned' },
        { id: 'p2', weight: 1, driver: 'aligned' },
        { id: 'c', weight: 1, driver: 'key_results' },
      ],
      krs: [metric('k', 'c', 30)],
      alignments: [
        { childObjectiveId: 'c', parentObjectiveId: 'p1' },
        { childObjectiveId: 'c', parentObjectiveId: 'p2' },
      ],
      expected: { p1: 0.3, p2: 0.3 },
    },
  ];

  it.each(cases)('$name', ({ objectives, krs, alignments, expected }) => {
    const result = computeGraphProgress(objectives, krs, alignments);
    for (const [id, progress] of Object.entries(expected)) expect(result.objectives.get(id)).toBeCloseTo(progress, 12);
  });

  it('refuses a loop', () => {
    const objectives: GraphObjective[] = [
      { id: 'a', weight: 1, driver: 'aligned' },
      { id: 'b', weight: 1, driver: 'aligned' },
    ];
    expect(() =>
      computeGraphProgress(
        objectives,
        [],
        [
          { childObjectiveId: 'a', parentObjectiveId: 'b' },
          { childObjectiveId: 'b', parentObjectiveId: 'a' },
        ],
      ),
    ).toThrow(RangeError);
  });
});

describe('computeGraphProgress with adjustments (scoring)', () => {
  it('feeds adjusted key result values and rounded objective values upward', () => {
    const objectives: GraphObjective[] = [
      { id: 'company', weight: 1, driver: 'aligned' },
      { id: 'team', weight: 1, driver: 'key_results' },
    ];
    const krs: GraphKeyResult[] = [metric('k1', 'team', 33.333), metric('k2', 'team', 50)];
    const result = computeGraphProgress(objectives, krs, [{ childObjectiveId: 'team', parentObjectiveId: 'company' }], {
      keyResult: (id, p) => (id === 'k2' ? 1 : Math.round(p * 100) / 100),
      objective: (_id, p) => Math.round(p * 100) / 100,
    });
    expect(result.keyResults.get('k1')!.progress).toBe(0.33);
    expect(result.objectives.get('team')).toBe(0.67);
    expect(result.objectives.get('company')).toBe(0.67);
  });
});

describe('computeGraphProgress on part of a graph (given objectives)', () => {
  // The company rolls up two teams; only team A and the company are recomputed, team B's stored
  // progress stands in for its own key results, which are not in the graph.
  const objectives: GraphObjective[] = [
    { id: 'company', weight: 1, driver: 'aligned' },
    { id: 'teamA', weight: 1, driver: 'key_results' },
    { id: 'teamB', weight: 3, driver: 'key_results' },
  ];
  const alignments: GraphAlignment[] = [
    { childObjectiveId: 'teamA', parentObjectiveId: 'company' },
    { childObjectiveId: 'teamB', parentObjectiveId: 'company' },
  ];

  it.each([
    { teamB: 0, expected: 0.5 / 4 },
    { teamB: 1, expected: (0.5 + 3) / 4 },
    { teamB: 0.2, expected: (0.5 + 0.6) / 4 },
  ])('uses team B as given ($teamB) and recomputes the rest', ({ teamB, expected }) => {
    const result = computeGraphProgress(objectives, [metric('a1', 'teamA', 50)], alignments, { given: new Map([['teamB', teamB]]) });
    expect(result.objectives.get('teamA')).toBe(0.5);
    expect(result.objectives.get('company')).toBeCloseTo(expected, 12);
    expect(result.objectives.has('teamB')).toBe(false);
  });
});

describe('graphRollup', () => {
  const objectives: GraphObjective[] = [
    { id: 'company', weight: 1, driver: 'both' },
    { id: 'teamA', weight: 1, driver: 'key_results' },
    { id: 'teamB', weight: 2, driver: 'key_results' },
  ];
  const rollupKr: GraphKeyResult = { id: 'r1', objectiveId: 'company', weight: 1, measure: { kind: 'rollup' } };
  const alignments: GraphAlignment[] = [
    { childObjectiveId: 'teamA', parentKeyResultId: 'r1' },
    { childObjectiveId: 'teamB', parentObjectiveId: 'company' },
    { childObjectiveId: 'teamB', parentKeyResultId: 'r1' },
  ];
  const atDates = [
    [metric('c1', 'company', 10), rollupKr, metric('a1', 'teamA', 30), metric('b1', 'teamB', 70)],
    [metric('c1', 'company', 40), rollupKr, metric('a1', 'teamA', 90), metric('b1', 'teamB', 20)],
  ];

  it('gives, for each set of measures over one shape, exactly what computeGraphProgress gives', () => {
    const shape = atDates[0]!.map(({ measure, ...kr }) => ({ ...kr, kind: measure.kind }));
    const rollup = graphRollup(objectives, shape, alignments);
    for (const krs of atDates) {
      const measures = new Map(krs.map((kr) => [kr.id, kr.measure]));
      expect(rollup((id) => measures.get(id)!)).toEqual(computeGraphProgress(objectives, krs, alignments));
    }
    expect(rollup((id) => new Map(atDates[1]!.map((kr) => [kr.id, kr.measure])).get(id)!).objectives.get('teamA')).toBe(0.9);
  });
});
