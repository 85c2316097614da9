import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectiveReviewRequests } from '../../../db/schema/index.js';
import { approvalGiven } from '../../../domain/review/review-requests.js';
import { AppError } from '../../errors.js';
import { inProgramme } from '../rollout/pilot-scope.js';
import { programmeSettings } from '../rollout/settings.js';

/**
 * "Approval required before publishing": while the rollout setting is on, a team objective in the programme is
 * published only once a reviewer has approved it (one approved request is enough, even after later edits). Company
 * objectives are exempt: the people who write them are the ones who would review them. 409 naming `status`.
 */
export async function assertApproved(tx: Executor, orgId: string, objective: { id: string; teamId: string | null }) {
  if (objective.teamId === null) return;
  if (!(await programmeSettings(tx, orgId)).approvalRequired) return;
  if (!(await inProgramme(tx, orgId, objective.teamId))) return;
  const rows = await tx
    .select({ status: objectiveReviewRequests.status })
    .from(objectiveReviewRequests)
    .where(and(eq(objectiveReviewRequests.orgId, orgId), eq(objectiveReviewRequests.objectiveId, objective.id)));
  if (approvalGiven(rows.map((r) => r.status))) return;
  const message = 'Approval is required before publishing: ask an OKR champion or a lead of the team to review this draft.';
  throw new AppError('approval-required', message, [{ field: 'status', message }]);
}
