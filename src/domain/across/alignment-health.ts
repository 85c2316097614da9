/**
 * Alignment health: of the published objectives below company level, the share that are aligned to something or
 * say why they stand alone. Company objectives are the top of the map, so they are not counted.
 */
export const HEALTHY_ALIGNMENT_SHARE = 0.9;

export interface AlignmentFacts {
  /** null for a company objective. */
  teamId: string | null;
  published: boolean;
  aligned: boolean;
  standaloneReason: string | null;
}

export interface AlignmentHealth {
  counted: number;
  alignedOrExplained: number;
  /** null when nothing is counted (no share to judge). */
  share: number | null;
  healthy: boolean | null;
}

/** An objective aligned to nothing, below company level, and without a stated reason. */
export const isOrphan = (o: AlignmentFacts): boolean => o.published && o.teamId !== null && !o.aligned && !o.standaloneReason?.trim();

export function alignmentHealth(objectives: Iterable<AlignmentFacts>): AlignmentHealth {
  let counted = 0;
  let alignedOrExplained = 0;
  for (const o of objectives) {
    if (!o.published || o.teamId === null) continue;
    counted++;
    if (!isOrphan(o)) alignedOrExplained++;
  }
  return alignmentHealthOfCounts(counted, alignedOrExplained);
}

/** The health of counts already made (the heatmap sums its teams'). */
export function alignmentHealthOfCounts(counted: number, alignedOrExplained: number): AlignmentHealth {
  const share = counted === 0 ? null : alignedOrExplained / counted;
  return { counted, alignedOrExplained, share, healthy: share === null ? null : share >= HEALTHY_ALIGNMENT_SHARE };
}
