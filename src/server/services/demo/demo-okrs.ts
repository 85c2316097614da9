import type { KeyResultKind, ObjectiveType } from '../../../domain/vocabulary.js';

/** The demo cycle's OKRs: company → departments → teams → one individual, with every kind of key result. */
export interface DemoKeyResult {
  title: string;
  owner: string;
  kind: KeyResultKind;
  unit?: string;
  start?: number;
  target?: number;
  min?: number;
  max?: number;
  milestones?: string[];
  /** How far along the history ends, relative to pace (1 = exactly on pace). */
  pace?: number;
  /** Weeks since the last check-in, to show stale key results. */
  silentWeeks?: number;
}

export interface DemoObjective {
  key: string;
  title: string;
  owner: string;
  team?: string;
  type?: ObjectiveType;
  whyImportant?: string;
  whyUrgent?: string;
  /** `objectiveKey` or `objectiveKey#krIndex`. */
  alignsTo?: string[];
  keyResults: DemoKeyResult[];
}

export const DEMO_OBJECTIVES: DemoObjective[] = [
  {
    key: 'trusted',
    title: 'Become the most trusted fleet partner for mid-size warehouses',
    owner: 'Ada Okafor',
    whyImportant: 'Trust is why customers expand from one site to ten.',
    whyUrgent: 'Two competitors launched fleet offers this year.',
    keyResults: [
      { title: 'Department objectives delivered', owner: 'Ada Okafor', kind: 'rollup' },
      {
        title: 'Net revenue retention from 104% to 115%',
        owner: 'Sofia Marquez',
        kind: 'metric',
        unit: 'percent',
        start: 104,
        target: 115,
        pace: 0.8,
      },
      { title: 'Keep fleet uptime at or above 99.5%', owner: 'Marcus Lindqvist', kind: 'threshold', unit: 'percent', min: 99.5, pace: 1 },
    ],
  },
  {
    key: 'effortless',
    title: 'Make our robots effortless to deploy',
    owner: 'Priya Raman',
    type: 'aspirational',
    whyImportant: 'Deployment effort is the first thing buyers ask about.',
    keyResults: [
      {
        title: 'Median deployment time from 21 to 7 days',
        owner: 'Priya Raman',
        kind: 'metric',
        unit: 'number',
        start: 21,
        target: 7,
        pace: 0.7,
      },
      {
        title: 'Self-serve installs from 10% to 40%',
        owner: 'Noah Williams',
        kind: 'metric',
        unit: 'percent',
        start: 10,
        target: 40,
        pace: 0.5,
      },
    ],
  },
  {
    key: 'eng',
    title: 'Ship a fleet platform customers can rely on',
    owner: 'Marcus Lindqvist',
    team: 'eng',
    alignsTo: ['trusted#0'],
    keyResults: [
      { title: 'P1 incidents per month from 6 to 1', owner: 'Marcus Lindqvist', kind: 'metric', start: 6, target: 1, pace: 1.1 },
      {
        title: 'Multi-site fleet view generally available',
        owner: 'Noah Williams',
        kind: 'milestone',
        milestones: ['Design review signed off', 'Beta with 3 customers', 'General availability'],
        pace: 0.9,
      },
    ],
  },
  {
    key: 'gtm',
    title: 'Grow with customers who love us',
    owner: 'Sofia Marquez',
    team: 'gtm',
    alignsTo: ['trusted#0'],
    keyResults: [
      { title: 'New ARR from €0 to €2.4M', owner: 'Olivia Brown', kind: 'metric', unit: 'EUR', start: 0, target: 2_400_000, pace: 0.85 },
      { title: 'Logo churn from 8% to 4%', owner: 'Jonas Weber', kind: 'metric', unit: 'percent', start: 8, target: 4, pace: 0.6 },
    ],
  },
  {
    key: 'platform',
    title: 'Make the fleet cloud boringly reliable',
    owner: 'Hannah Becker',
    team: 'platform',
    alignsTo: ['eng'],
    keyResults: [
      { title: 'API p95 latency from 800 to 250 ms', owner: 'Kenji Watanabe', kind: 'metric', start: 800, target: 250, pace: 1.2 },
      { title: 'Keep error budget burn under 100%', owner: 'Hannah Becker', kind: 'threshold', unit: 'percent', max: 100, pace: 1 },
    ],
  },
  {
    key: 'autonomy',
    title: 'Robots that navigate new sites on day one',
    owner: 'Elena Petrova',
    team: 'autonomy',
    // Across departments: faster site mapping is what gets customers live sooner (the department map's one edge).
    alignsTo: ['effortless#0', 'success#0'],
    keyResults: [
      { title: 'Mapping time per site from 16 to 4 hours', owner: 'Rahul Mehta', kind: 'metric', start: 16, target: 4, pace: 0.55 },
      {
        title: 'Autonomous mission success from 92% to 98%',
        owner: 'Grace Kim',
        kind: 'metric',
        unit: 'percent',
        start: 92,
        target: 98,
        pace: 0.9,
        silentWeeks: 3,
      },
    ],
  },
  {
    key: 'sales',
    title: 'Win the mid-size warehouse segment',
    owner: 'Olivia Brown',
    team: 'sales',
    alignsTo: ['gtm'],
    keyResults: [
      {
        title: 'Qualified pipeline from €1M to €6M',
        owner: 'Diego Santos',
        kind: 'metric',
        unit: 'EUR',
        start: 1_000_000,
        target: 6_000_000,
        pace: 1,
      },
      { title: 'Win rate from 18% to 25%', owner: 'Aisha Bello', kind: 'metric', unit: 'percent', start: 18, target: 25, pace: 0.4 },
    ],
  },
  {
    key: 'success',
    title: 'Every customer live within two weeks',
    owner: 'Jonas Weber',
    team: 'success',
    alignsTo: ['gtm', 'effortless'],
    keyResults: [
      {
        title: 'Customers live within 14 days from 40% to 85%',
        owner: 'Zanele Dlamini',
        kind: 'metric',
        unit: 'percent',
        start: 40,
        target: 85,
        pace: 0.75,
      },
      {
        title: 'Onboarding playbook rolled out',
        owner: 'Carlos Jiménez',
        kind: 'milestone',
        milestones: ['Draft playbook', 'Pilot with 2 customers', 'Rolled out to all CSMs'],
        pace: 1,
      },
    ],
  },
  {
    key: 'oncall',
    title: 'Make on-call calm',
    owner: 'Kenji Watanabe',
    team: 'platform',
    alignsTo: ['platform'],
    keyResults: [
      { title: 'Pages per on-call week from 14 to 3', owner: 'Kenji Watanabe', kind: 'metric', start: 14, target: 3, pace: 0.9 },
    ],
  },
];

export const DEMO_NOTES = [
  'Steady week; the trend holds.',
  'Better than expected after the customer workshop.',
  'Slower than planned: two people out sick.',
  'Good progress, waiting on data from finance to confirm.',
  'Shipped the first improvement; early numbers look right.',
  'Flat this week while we fixed measurement.',
];
