/**
 * Vocabulary of the OKR quality coach. It reads a draft objective (the form
 * while someone types, or what the server is about to publish) and returns
 * findings; every date and cycle-wide count comes in through the context.
 */
import type { IsoDate } from '../dates.js';
import type { Milestone } from '../key-result.js';
import type { KeyResultKind, MeasureReliability, ObjectiveType, Outcome, ProgressDriver } from '../vocabulary.js';

/** block: cannot publish; warn: should fix; tip: worth considering. */
export type Severity = 'block' | 'warn' | 'tip';

/** What an organisation's guiding principles may set a rule to. */
export type RuleSetting = Severity | 'off';

/** How trustworthy a key result's number is (the "data readiness" checklist). */
export interface DataReadiness {
  readonly dataSource?: string;
  readonly baselineKnown?: boolean;
  readonly measuredBy?: string;
  readonly frequency?: string;
  readonly reliability?: MeasureReliability;
  /** When a proxy metric will be replaced by the real one. */
  readonly proxyReplaceBy?: IsoDate | null;
}

/** A key result as typed, before the API has validated it: most fields optional. */
export interface DraftKeyResult {
  readonly id?: string;
  readonly title: string;
  readonly kind: KeyResultKind;
  readonly unit?: string;
  readonly startValue?: number | null;
  readonly targetValue?: number | null;
  readonly targetMin?: number | null;
  readonly targetMax?: number | null;
  readonly milestones?: readonly Milestone[];
  readonly ownerId?: string | null;
  readonly lastCheckInDate?: IsoDate | null;
  readonly createdDate?: IsoDate;
  readonly dataReadiness?: DataReadiness;
}

export type ObjectiveLevel = 'company' | 'team' | 'individual';
export type { ObjectiveType, ProgressDriver };

/** An objective as typed, with the few graph facts the rules need. */
export interface DraftObjective {
  readonly id?: string;
  readonly title: string;
  readonly description?: string;
  readonly whyImportant?: string;
  readonly whyUrgent?: string;
  readonly ownerId?: string | null;
  readonly teamId?: string | null;
  readonly level: ObjectiveLevel;
  readonly type: ObjectiveType;
  readonly status?: string;
  readonly progressDriver: ProgressDriver;
  /** Child objectives aligned to this one. */
  readonly alignedChildCount: number;
  /** Parent objectives this one aligns to (upward links). */
  readonly parentCount: number;
  readonly standaloneReason?: string | null;
  readonly keyResults: readonly DraftKeyResult[];
  /** Current progress 0–1, once the objective is running. */
  readonly progress?: number;
  /** Expected progress (pace) 0–1 on context.asOf. */
  readonly expectedProgress?: number;
  readonly latestNote?: string | null;
}

/** Facts from outside the objective; rules that need a missing fact stay silent. */
export interface QualityContext {
  readonly asOf?: IsoDate;
  /** Days between check-ins for the owning team; 7 when absent. */
  readonly cadenceDays?: number;
  /** Objectives the owner holds in the cycle, this one included. */
  readonly ownerObjectiveCount?: number;
  /** Share 0–1 of aspirational objectives in the cycle, this one included. */
  readonly cycleAspirationalShare?: number;
  /** 1 = the organisation's first OKR cycle. */
  readonly cycleNumber?: number;
  /** The lesson most related to the objective's title and key results (the lessons library's search). */
  readonly relatedLesson?: RelatedLesson;
}

/** A lesson as the coach names it. */
export interface RelatedLesson {
  readonly id: string;
  readonly text: string;
  readonly cycleName: string;
  readonly teamName: string | null;
  readonly outcome: Outcome | null;
}

export interface StretchPolicy {
  /** The first N cycles allow committed objectives only. */
  readonly committedOnlyCycles: number;
  /** Largest share 0–1 of aspirational objectives in a cycle. */
  readonly maxAspirationalShare: number;
}

/** The organisation's guiding principles: limits and per-rule overrides. */
export interface QualityPrinciples {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly maxKeyResults: number;
  readonly minKeyResults: number;
  readonly maxObjectivesPerOwner: number;
  readonly maxTitleLength: number;
  readonly stretchPolicy: StretchPolicy;
}

/** Principles as stored or sent: anything left out takes the default. */
export type QualityPrinciplesInput = Partial<Omit<QualityPrinciples, 'stretchPolicy'>> & {
  readonly stretchPolicy?: Partial<StretchPolicy>;
};

// Common OKR practice: few objectives, a handful of KRs, no stretch in cycle 1.
export const DEFAULT_PRINCIPLES: QualityPrinciples = Object.freeze({
  rules: Object.freeze({}),
  maxKeyResults: 5,
  minKeyResults: 2,
  maxObjectivesPerOwner: 3,
  maxTitleLength: 100,
  stretchPolicy: Object.freeze({ committedOnlyCycles: 1, maxAspirationalShare: 0.3 }),
});

/** Something the coach offers to do for the user. */
export type FindingAction =
  | { readonly kind: 'draft_measurement_objective'; readonly title: string }
  /** A saved output key result becomes an initiative under another key result of its objective (one of `under`). */
  | { readonly kind: 'move_to_initiative'; readonly title: string; readonly keyResultId: string; readonly under: string[] };

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** API field path, e.g. `keyResults[2].title`. */
  readonly field: string;
  readonly message: string;
  readonly suggestion?: string;
  readonly action?: FindingAction;
  /** The lesson a `related-lesson` finding points at. */
  readonly lessonId?: string;
}

/** What a rule's check returns; the engine adds the id and the severity in force. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'>;

export interface QualityRule {
  /** Stable kebab-case id: stored in principles, never renamed. */
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly why: string;
  readonly weakExample: string;
  readonly strongExample: string;
  /** Points at something worth reading rather than at a flaw: its findings cost no quality points. */
  readonly pointer?: boolean;
  check(objective: DraftObjective, context: QualityContext, principles: QualityPrinciples): RuleFinding[];
}
