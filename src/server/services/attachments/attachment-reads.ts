import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { okrFiles, okrLinks, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { attachmentAbilities, canRemoveAttachment } from '../../policies/attachments.js';
import { loadTarget, type AttachmentTarget } from './attachment-target.js';
import { fileColumns } from './files.js';

/** The links and files on an objective or a key result (never the files' bytes), with what the caller may do. */
export async function listAttachments(db: Executor, actor: Actor, target: AttachmentTarget) {
  const loaded = await loadTarget(db, actor, target);
  const { objectiveId, keyResultId } = loaded.columns;
  const links = await db
    .select({ link: okrLinks, addedBy: users.name })
    .from(okrLinks)
    .leftJoin(users, eq(users.id, okrLinks.createdBy))
    .where(
      and(eq(okrLinks.orgId, actor.orgId), keyResultId ? eq(okrLinks.keyResultId, keyResultId) : eq(okrLinks.objectiveId, objectiveId!)),
    )
    .orderBy(asc(okrLinks.createdAt));
  const files = await db
    .select({ file: fileColumns, addedBy: users.name })
    .from(okrFiles)
    .leftJoin(users, eq(users.id, okrFiles.createdBy))
    .where(
      and(eq(okrFiles.orgId, actor.orgId), keyResultId ? eq(okrFiles.keyResultId, keyResultId) : eq(okrFiles.objectiveId, objectiveId!)),
    )
    .orderBy(asc(okrFiles.createdAt));
  const removable = (createdBy: string | null) => canRemoveAttachment(actor, loaded.relation, createdBy);
  return {
    can: attachmentAbilities(actor, loaded.relation, loaded.keyResultOwnerId),
    links: links.map(({ link, addedBy }) => ({ ...link, addedBy, canRemove: removable(link.createdBy) })),
    files: files.map(({ file, addedBy }) => ({ ...file, addedBy, canRemove: removable(file.createdBy) })),
  };
}
