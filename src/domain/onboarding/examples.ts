import { checkQuality } from '../quality/check-quality.js';
import { ruleById } from '../quality/catalogue.js';
import { resolvePrinciples, ruleSetting } from '../quality/principles.js';
import type { DraftKeyResult, DraftObjective, QualityPrinciplesInput, Severity } from '../quality/types.js';

/** One weak draft, what the organisation's quality coach says about it, and the strong version it scores. */
export interface WorkedExample {
  readonly weak: { readonly objective: string; readonly keyResults: string[] };
  readonly findings: { readonly rule: string; readonly severity: Severity; readonly message: string }[];
  readonly weakScore: number;
  readonly strong: { readonly objective: string; readonly keyResults: string[] };
  readonly strongScore: number;
}

/** A rule in force, with the weak and strong wording from its catalogue entry. */
export interface RuleExample {
  readonly rule: string;
  readonly severity: Severity;
  readonly weak: string;
  readonly strong: string;
}

const SOUND: Omit<DraftObjective, 'title' | 'keyResults'> = {
  whyImportant: 'Half of new customers never reach their first report, and they leave within three months.',
  whyUrgent: 'Trial conversion fell two quarters in a row.',
  ownerId: 'example-owner',
  teamId: 'example-team',
  level: 'team',
  type: 'committed',
  progressDriver: 'key_results',
  alignedChildCount: 0,
  parentCount: 1,
};

const metric = (title: string, unit: string, startValue: number, targetValue: number): DraftKeyResult => ({
  title,
  kind: 'metric',
  unit,
  startValue,
  targetValue,
  ownerId: 'example-owner',
  dataReadiness: {
    dataSource: 'Product analytics',
    baselineKnown: true,
    measuredBy: 'Analyst',
    frequency: 'weekly',
    reliability: 'reliable',
  },
});

const WEAK: DraftObjective = {
  ...SOUND,
  title: 'Launch the new onboarding flow',
  keyResults: [
    {
      title: 'Launch the new onboarding flow',
      kind: 'milestone',
      ownerId: 'example-owner',
      milestones: [{ title: 'Ship', weight: 1, done: false }],
    },
    { title: 'Improve activation', kind: 'metric', ownerId: 'example-owner' },
  ],
};

const STRONG: DraftObjective = {
  ...SOUND,
  title: 'Customers get value in their first week',
  keyResults: [metric('Activation from 40% to 60%', '%', 40, 60), metric('Median time to first report from 9 to 3 days', 'days', 9, 3)],
};

const titles = (o: DraftObjective) => ({ objective: o.title, keyResults: o.keyResults.map((k) => k.title) });

/** The worked example, judged by the coach with the organisation's own principles (a rule switched off stays silent). */
export function workedExample(principles: QualityPrinciplesInput = {}): WorkedExample {
  const weak = checkQuality(WEAK, { cycleNumber: 3 }, principles);
  const strong = checkQuality(STRONG, { cycleNumber: 3 }, principles);
  return {
    weak: titles(WEAK),
    findings: weak.findings.map((f) => ({ rule: ruleById(f.ruleId)?.title ?? f.ruleId, severity: f.severity, message: f.message })),
    weakScore: weak.score,
    strong: titles(STRONG),
    strongScore: strong.score,
  };
}

const SHOWN_RULES = ['key-result-is-output', 'key-result-not-measurable', 'objective-contains-number', 'missing-why-important'];

/** The catalogue's weak and strong wording for the rules the organisation keeps on. */
export function ruleExamples(principles: QualityPrinciplesInput = {}): RuleExample[] {
  const resolved = resolvePrinciples(principles);
  return SHOWN_RULES.flatMap((id) => {
    const rule = ruleById(id);
    const setting = rule ? ruleSetting(rule, resolved) : 'off';
    if (!rule || setting === 'off') return [];
    return [{ rule: rule.title, severity: setting, weak: rule.weakExample, strong: rule.strongExample }];
  });
}
