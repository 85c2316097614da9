/**
 * What changed between two dates, and in which order a review should look at it.
 *
 * The caller replays the history to two moments (the end of `from` and the end of `to`) and hands over
 * each key result's state at both, each objective's status at both, the blockers and the alignment
 * events of the window. This file decides which differences are worth a line and ranks them: what got
 * worse and needs a person first (status worsened, blockers nobody answered, confidence drops), then
 * what slipped quietly (stale, movers down), then good news and structure.
 */
import type { IsoDate } from './dates.js';
import type { ProgressStatus } from './vocabulary.js';

export const CHANGE_KINDS = [
  'status_change',
  'new_blocker',
  'unanswered_blocker',
  'confidence_drop',
  'went_stale',
  'moved_down',
  'moved_up',
  'alignment_change',
  /** Extension point for KPIs (issue 15): a KPI whose health changed, supplied by the KPI service. */
  'kpi_health_change',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A confidence fall of at least this many points (0–10 scale) is a change worth discussing. */
export const CONFIDENCE_DROP_POINTS = 2;
/** Progress must move by at least this much (1 percentage point) to count as a mover. */
export const MOVER_THRESHOLD = 0.01;
/** How many movers up and how many down a report lists. */
export const MOVERS_PER_DIRECTION = 5;

export interface KeyResultMoment {
  readonly progress: number;
  readonly confidence: number | null;
  readonly stale: boolean;
}

interface Named {
  readonly objectiveId: string;
  readonly objectiveTitle: string;
  readonly keyResultId: string | null;
  readonly keyResultTitle: string | null;
}

export interface KeyResultChangeInput extends Named {
  readonly keyResultId: string;
  readonly before: KeyResultMoment;
  readonly after: KeyResultMoment;
}

export interface ObjectiveStatusInput {
  readonly objectiveId: string;
  readonly objectiveTitle: string;
  readonly before: ProgressStatus | null;
  readonly after: ProgressStatus | null;
}

export interface BlockerInput extends Named {
  readonly text: string;
  readonly raisedOn: IsoDate;
  /** Raised inside the window (else raised earlier and still the key result's latest word). */
  readonly isNew: boolean;
  /** Someone other than its author commented on it by the end of the window. */
  readonly answered: boolean;
}

export interface AlignmentEventInput extends Named {
  readonly action: 'aligned' | 'unaligned';
  readonly on: IsoDate;
  readonly parentTitle: string | null;
}

export interface ChangeItem extends Named {
  readonly kind: ChangeKind;
  /** Higher comes first; comparable across kinds. */
  readonly rank: number;
  readonly summary: string;
  readonly before: string | number | null;
  readonly after: string | number | null;
  readonly on: IsoDate | null;
}

export interface ChangeInputs {
  readonly keyResults: readonly KeyResultChangeInput[];
  readonly objectives: readonly ObjectiveStatusInput[];
  readonly blockers: readonly BlockerInput[];
  readonly alignments: readonly AlignmentEventInput[];
  /** Items other features contribute (KPI health changes), already shaped and ranked. */
  readonly extra?: readonly ChangeItem[];
}

const SEVERITY: Record<ProgressStatus, number> = { on_track: 0, at_risk: 1, off_track: 2 };
const percent = (p: number) => `${Math.round(p * 100)}%`;
const label = (s: ProgressStatus | null) => (s ?? 'none').replace('_', ' ');

function statusChanges(inputs: readonly ObjectiveStatusInput[]): ChangeItem[] {
  return inputs
    .filter((o) => o.before !== o.after && o.after !== null)
    .map((o) => {
      const worse = SEVERITY[o.after!] - (o.before === null ? 0 : SEVERITY[o.before]);
      return {
        kind: 'status_change',
        rank: worse > 0 ? 100 + 10 * worse : 40,
        objectiveId: o.objectiveId,
        objectiveTitle: o.objectiveTitle,
        keyResultId: null,
        keyResultTitle: null,
        summary: `${o.objectiveTitle}: ${label(o.before)} → ${label(o.after)}`,
        before: o.before,
        after: o.after,
        on: null,
      };
    });
}

function keyResultItem(
  kr: KeyResultChangeInput,
  kind: ChangeKind,
  rank: number,
  summary: string,
  before: number | null,
  after: number | null,
) {
  const { objectiveId, objectiveTitle, keyResultId, keyResultTitle } = kr;
  return { kind, rank, objectiveId, objectiveTitle, keyResultId, keyResultTitle, summary, before, after, on: null } satisfies ChangeItem;
}

function movers(inputs: readonly KeyResultChangeInput[]): ChangeItem[] {
  const deltas = inputs
    .map((kr) => ({ kr, delta: kr.after.progress - kr.before.progress }))
    .filter((m) => Math.abs(m.delta) >= MOVER_THRESHOLD - 1e-12);
  // Ties (many key results move by exactly 100 %) break by id: which ones make the list must not
  // depend on the order the database happened to return them in.
  type Move = { kr: KeyResultChangeInput; delta: number };
  const byMagnitude = (a: Move, b: Move) =>
    Math.abs(b.delta) - Math.abs(a.delta) || (a.kr.keyResultId < b.kr.keyResultId ? -1 : a.kr.keyResultId > b.kr.keyResultId ? 1 : 0);
  const up = deltas
    .filter((m) => m.delta > 0)
    .sort(byMagnitude)
    .slice(0, MOVERS_PER_DIRECTION);
  const down = deltas
    .filter((m) => m.delta < 0)
    .sort(byMagnitude)
    .slice(0, MOVERS_PER_DIRECTION);
  const item = ({ kr, delta }: Move) =>
    keyResultItem(
      kr,
      delta > 0 ? 'moved_up' : 'moved_down',
      (delta > 0 ? 30 : 50) + 20 * Math.abs(delta),
      `${kr.keyResultTitle}: ${percent(kr.before.progress)} → ${percent(kr.after.progress)}`,
      kr.before.progress,
      kr.after.progress,
    );
  return [...up.map(item), ...down.map(item)];
}

function confidenceDrops(inputs: readonly KeyResultChangeInput[]): ChangeItem[] {
  return inputs.flatMap((kr) => {
    const { confidence: before } = kr.before;
    const { confidence: after } = kr.after;
    if (before === null || after === null || before - after < CONFIDENCE_DROP_POINTS) return [];
    return [
      keyResultItem(
        kr,
        'confidence_drop',
        80 + 5 * (before - after),
        `${kr.keyResultTitle}: confidence ${before} → ${after}`,
        before,
        after,
      ),
    ];
  });
}

function wentStale(inputs: readonly KeyResultChangeInput[]): ChangeItem[] {
  return inputs
    .filter((kr) => !kr.before.stale && kr.after.stale)
    .map((kr) => keyResultItem(kr, 'went_stale', 70, `${kr.keyResultTitle}: no recent check-in`, null, null));
}

function blockerItems(inputs: readonly BlockerInput[]): ChangeItem[] {
  return inputs
    .filter((b) => b.isNew || !b.answered)
    .map((b) => ({
      kind: b.isNew ? 'new_blocker' : 'unanswered_blocker',
      rank: b.answered ? 60 : b.isNew ? 90 : 85,
      objectiveId: b.objectiveId,
      objectiveTitle: b.objectiveTitle,
      keyResultId: b.keyResultId,
      keyResultTitle: b.keyResultTitle,
      summary: `${b.keyResultTitle ?? b.objectiveTitle}: ${b.text}${b.answered ? '' : ' (unanswered)'}`,
      before: null,
      after: null,
      on: b.raisedOn,
    }));
}

function alignmentItems(inputs: readonly AlignmentEventInput[]): ChangeItem[] {
  return inputs.map((a) => ({
    ...a,
    kind: 'alignment_change',
    rank: 20,
    summary: `${a.objectiveTitle} ${a.action === 'aligned' ? 'now aligns to' : 'no longer aligns to'} ${a.parentTitle ?? 'a removed parent'}`,
    before: null,
    after: null,
  }));
}

/**
 * `localeCompare` without arguments, made once: the same collation (ECMA-402 defines localeCompare as a new
 * Intl.Collator with the same locales and options), without building a collator per comparison — a whole cycle's
 * report sorts tens of thousands of lines. Made on first use, not when the module loads: a browser's first `Intl`
 * object initialises ICU (30–50 ms), which the objective page, importing this module, paid without ranking anything.
 */
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string) => (collator ??= new Intl.Collator()).compare(a, b);

/** Every change worth a line, most pressing first; ties by objective, key result, kind. */
export function rankChanges(inputs: ChangeInputs): ChangeItem[] {
  const items = [
    ...statusChanges(inputs.objectives),
    ...blockerItems(inputs.blockers),
    ...confidenceDrops(inputs.keyResults),
    ...wentStale(inputs.keyResults),
    ...movers(inputs.keyResults),
    ...alignmentItems(inputs.alignments),
    ...(inputs.extra ?? []),
  ];
  return items.sort(
    (a, b) =>
      b.rank - a.rank ||
      compareText(a.objectiveTitle, b.objectiveTitle) ||
      compareText(a.keyResultTitle ?? '', b.keyResultTitle ?? '') ||
      compareText(a.kind, b.kind),
  );
}
