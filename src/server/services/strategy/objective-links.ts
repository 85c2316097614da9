import type { Executor } from '../../../db/database.js';
import { invalid } from '../../errors.js';
import { requireAnnualObjective, requirePillar } from './pillars.js';

export interface StrategyLinks {
  pillarId?: string | null;
  annualObjectiveId?: string | null;
}

/**
 * Checks an objective's links to the strategy and answers the columns to write. An annual objective must be of the
 * cycle's year and brings its pillar; naming another pillar (or none) drops the annual objective.
 */
export async function resolveStrategyLinks(
  tx: Executor,
  orgId: string,
  cycleStart: string,
  input: StrategyLinks,
  before: Required<StrategyLinks> = { pillarId: null, annualObjectiveId: null },
): Promise<StrategyLinks> {
  if (input.annualObjectiveId) {
    const annual = await requireAnnualObjective(tx, orgId, input.annualObjectiveId, 'annualObjectiveId');
    const year = Number(cycleStart.slice(0, 4));
    if (annual.year !== year)
      throw invalid('annualObjectiveId', `“${annual.title}” is for ${annual.year}; this objective's cycle starts in ${year}.`);
    if (input.pillarId && input.pillarId !== annual.pillarId)
      throw invalid('pillarId', 'The annual objective serves another pillar: name its pillar or leave the pillar out.');
    return { pillarId: annual.pillarId, annualObjectiveId: annual.id };
  }
  if (input.pillarId === undefined) return input.annualObjectiveId === null ? { annualObjectiveId: null } : {};
  if (input.pillarId === null) return { pillarId: null, annualObjectiveId: null };
  const pillar = await requirePillar(tx, orgId, input.pillarId, 'pillarId');
  const keepsAnnual = input.annualObjectiveId === undefined && before.pillarId === pillar.id;
  return { pillarId: pillar.id, annualObjectiveId: keepsAnnual ? before.annualObjectiveId : null };
}
