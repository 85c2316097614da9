import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { checkInProposals } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict, notFound } from '../../errors.js';
import { authorizeCheckIn } from '../../policies/key-results.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';
import { createCheckIn } from '../okrs/check-ins.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';

/** A key result's pushed values, newest first; those still `proposed` wait for a person's judgement. */
export async function listProposals(db: Database, actor: Actor, keyResultId: string) {
  await loadKeyResultFor(db, actor, keyResultId);
  return db
    .select()
    .from(checkInProposals)
    .where(and(eq(checkInProposals.orgId, actor.orgId), eq(checkInProposals.keyResultId, keyResultId)))
    .orderBy(desc(checkInProposals.asOf), desc(checkInProposals.createdAt));
}

async function openProposal(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(checkInProposals)
    .where(and(eq(checkInProposals.orgId, actor.orgId), eq(checkInProposals.id, id)));
  if (!row) throw notFound('The proposal');
  if (row.status !== 'proposed') throw conflict('id', `This proposal was already ${row.status}.`);
  return row;
}

export interface Judgement {
  confidence?: number | null;
  note?: string | null;
  blockers?: string | null;
}

/**
 * Confirms a pushed value as a real check-in through the check-in service (its rules, authorization, roll-up and
 * notices), with the person's confidence, note and blockers; then the proposal points at that check-in.
 */
export async function confirmProposal(deps: ServiceDeps, actor: Actor, id: string, judgement: Judgement) {
  const proposal = await openProposal(deps.db, actor, id);
  const checkIn = await createCheckIn(deps, actor, proposal.keyResultId, { value: proposal.value, asOf: proposal.asOf, ...judgement });
  await writeAndAnnounce(deps, actor.orgId, async (tx) => {
    await tx
      .update(checkInProposals)
      .set({ status: 'confirmed', checkInId: checkIn.id, decidedBy: actor.userId, decidedAt: deps.clock() })
      .where(and(eq(checkInProposals.orgId, actor.orgId), eq(checkInProposals.id, id)));
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'check_in.proposal_confirmed',
      entityType: 'key_result',
      entityId: proposal.keyResultId,
      after: { proposalId: id, checkInId: checkIn.id },
    });
  });
  return checkIn;
}

/** Dismisses a pushed value: by those who may check in on its key result. */
export async function dismissProposal(deps: ServiceDeps, actor: Actor, id: string) {
  const proposal = await openProposal(deps.db, actor, id);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { keyResult, objective, relation } = await loadKeyResultFor(tx, actor, proposal.keyResultId);
    authorizeCheckIn(actor, relation, keyResult.ownerId);
    const [row] = await tx
      .update(checkInProposals)
      .set({ status: 'dismissed', decidedBy: actor.userId, decidedAt: deps.clock() })
      .where(and(eq(checkInProposals.orgId, actor.orgId), eq(checkInProposals.id, id)))
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'check_in.proposal_dismissed',
      entityType: 'key_result',
      entityId: keyResult.id,
      after: row,
    });
    announce.changed('check_in', keyResult.id, objective.id);
    return row!;
  });
}
