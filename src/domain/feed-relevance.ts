/**
 * Why a feed item matters to its reader (issue 17, "a feed that knows the reader"). The personal reasons weigh in this
 * order: a mention of me, my own objective or key result, one my objectives depend on, one I (or my team) contribute
 * to, my team's. The strongest reason counts, not their sum, so one item cannot outrank another by piling up weak
 * reasons; an objective at risk or off track adds a boost on top, so at-risk news comes first within each tier and
 * still ahead of everything that is not mine at all.
 */
export const RELEVANCE_REASONS = ['mention', 'mine', 'depending', 'contributing', 'team', 'at_risk'] as const;
export type RelevanceReason = (typeof RELEVANCE_REASONS)[number];

const WEIGHTS: Record<Exclude<RelevanceReason, 'at_risk'>, number> = {
  mention: 60,
  mine: 50,
  depending: 40,
  contributing: 35,
  team: 30,
};
export const AT_RISK_BOOST = 25;

export function relevanceScore(reasons: readonly RelevanceReason[]): number {
  const personal = Math.max(0, ...reasons.map((r) => (r === 'at_risk' ? 0 : WEIGHTS[r])));
  return personal + (reasons.includes('at_risk') ? AT_RISK_BOOST : 0);
}

interface Ranked {
  id: string;
  createdAt: Date;
  reasons: readonly RelevanceReason[];
}

/** Most relevant first; equally relevant items newest first (then by id, so pages never shuffle). */
export function orderForReader<T extends Ranked>(items: readonly T[]): T[] {
  const scored = items.map((item) => ({ item, score: relevanceScore(item.reasons) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.item.createdAt.getTime() - a.item.createdAt.getTime() ||
      (a.item.id < b.item.id ? 1 : a.item.id > b.item.id ? -1 : 0),
  );
  return scored.map((s) => s.item);
}
