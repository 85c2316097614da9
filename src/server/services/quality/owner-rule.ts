import { ruleById, ruleSetting } from '../../../domain/quality/index.js';
import type { Executor } from '../../../db/database.js';
import { invalid } from '../../errors.js';
import { loadPrinciples } from './principles.js';

/**
 * Clearing the owner of a published objective or key result is refused while the organisation's
 * `no-owner` rule blocks (its default): it would leave the work in nobody's week. Publishing itself
 * goes through the publish gate, which runs the same rule.
 */
export async function assertOwnerKept(
  tx: Executor,
  orgId: string,
  what: 'objective' | 'key result',
  published: boolean,
  ownerId: string | null,
): Promise<void> {
  if (!published || ownerId !== null) return;
  const rule = ruleById('no-owner');
  if (!rule || ruleSetting(rule, (await loadPrinciples(tx, orgId)).resolved) !== 'block') return;
  throw invalid('ownerId', `A published ${what} needs an owner: choose the person who checks in on it each week.`);
}
