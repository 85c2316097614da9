import type { Executor } from '../../../db/database.js';
import { isTrainedLeader } from '../../../domain/onboarding/index.js';
import { leadFacts } from './facts.js';

export interface TrainedLeaders {
  /** Active team leads who finished every step of the lead path. */
  trained: number;
  /** Active team leads. */
  of: number;
}

/** The rollout page's "trained leaders" figure: leads with the lead path completed, out of all leads. */
export async function trainedLeaders(db: Executor, orgId: string): Promise<TrainedLeaders> {
  const facts = [...(await leadFacts(db, orgId)).values()];
  return { trained: facts.filter(isTrainedLeader).length, of: facts.length };
}
