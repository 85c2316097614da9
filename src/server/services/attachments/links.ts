import { and, eq } from 'drizzle-orm';
import { okrLinks } from '../../../db/schema/index.js';
import { linkProblem } from '../../../domain/links.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeAttach, authorizeRemoveAttachment } from '../../policies/attachments.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { loadTarget, targetOf, type AttachmentTarget } from './attachment-target.js';

/** Adds a link (title + http/https URL); any other scheme, `javascript:` first of all, is refused naming `url`. */
export async function addLink(deps: ServiceDeps, actor: Actor, target: AttachmentTarget, link: { title: string; url: string }) {
  const problem = linkProblem(link.url);
  if (problem) throw invalid('url', problem);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const loaded = await loadTarget(tx, actor, target);
    authorizeAttach(actor, loaded.relation, loaded.keyResultOwnerId);
    const [row] = await tx
      .insert(okrLinks)
      .values({ orgId: actor.orgId, ...loaded.columns, title: link.title.trim(), url: link.url.trim(), createdBy: actor.userId })
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'link.added',
      entityType: 'objective',
      entityId: loaded.objectiveId,
      after: row,
    });
    announce.changed('objective', loaded.objectiveId, loaded.objectiveId);
    return row!;
  });
}

export async function removeLink(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const [row] = await tx
      .select()
      .from(okrLinks)
      .where(and(eq(okrLinks.orgId, actor.orgId), eq(okrLinks.id, id)));
    if (!row) throw notFound('The link');
    const loaded = await loadTarget(tx, actor, targetOf(row));
    authorizeRemoveAttachment(actor, loaded.relation, row.createdBy);
    await tx.delete(okrLinks).where(and(eq(okrLinks.orgId, actor.orgId), eq(okrLinks.id, id)));
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'link.removed',
      entityType: 'objective',
      entityId: loaded.objectiveId,
      before: row,
    });
    announce.changed('objective', loaded.objectiveId, loaded.objectiveId);
  });
}
