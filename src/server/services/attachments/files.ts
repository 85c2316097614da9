import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { okrFiles } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound, tooLarge } from '../../errors.js';
import { authorizeAttach, authorizeFileUsage, authorizeRemoveAttachment } from '../../policies/attachments.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { loadTarget, targetOf, type AttachmentTarget } from './attachment-target.js';

export interface Upload {
  name: string;
  contentType: string;
  content: Buffer;
}

/** A MIME type as sent, when it is one; anything else is stored as opaque bytes. */
const cleanType = (type: string) => (/^[\w.+-]+\/[\w.+-]+$/.test(type.trim()) ? type.trim().toLowerCase() : 'application/octet-stream');

/** Stores a file in the database (every Cairn process serves it); over the limit → 413, an empty name → 422 `name`. */
export async function addFile(deps: ServiceDeps, actor: Actor, target: AttachmentTarget, upload: Upload, maxBytes: number) {
  const name = upload.name.replace(/[\\/]/g, '_').trim();
  if (!name) throw invalid('name', 'The file needs a name.');
  if (upload.content.length > maxBytes) throw tooLarge('file', `Files may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`);
  if (upload.content.length === 0) throw invalid('file', 'The file is empty.');
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const loaded = await loadTarget(tx, actor, target);
    authorizeAttach(actor, loaded.relation, loaded.keyResultOwnerId);
    const [row] = await tx
      .insert(okrFiles)
      .values({
        orgId: actor.orgId,
        ...loaded.columns,
        name,
        contentType: cleanType(upload.contentType),
        size: upload.content.length,
        content: upload.content,
        createdBy: actor.userId,
      })
      .returning(fileColumns);
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'file.added',
      entityType: 'objective',
      entityId: loaded.objectiveId,
      after: row,
    });
    announce.changed('objective', loaded.objectiveId, loaded.objectiveId);
    return row!;
  });
}

/** Every column but the content: lists never read the bytes. */
export const fileColumns = {
  id: okrFiles.id,
  objectiveId: okrFiles.objectiveId,
  keyResultId: okrFiles.keyResultId,
  name: okrFiles.name,
  contentType: okrFiles.contentType,
  size: okrFiles.size,
  createdBy: okrFiles.createdBy,
  createdAt: okrFiles.createdAt,
};

/** One file with its bytes, for the download; the caller must be of its organisation. */
export async function readFile(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ ...fileColumns, content: okrFiles.content })
    .from(okrFiles)
    .where(and(eq(okrFiles.orgId, actor.orgId), eq(okrFiles.id, id)));
  if (!row) throw notFound('The file');
  return row;
}

export async function removeFile(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const [row] = await tx
      .select(fileColumns)
      .from(okrFiles)
      .where(and(eq(okrFiles.orgId, actor.orgId), eq(okrFiles.id, id)));
    if (!row) throw notFound('The file');
    const loaded = await loadTarget(tx, actor, targetOf(row));
    authorizeRemoveAttachment(actor, loaded.relation, row.createdBy);
    await tx.delete(okrFiles).where(and(eq(okrFiles.orgId, actor.orgId), eq(okrFiles.id, id)));
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'file.removed',
      entityType: 'objective',
      entityId: loaded.objectiveId,
      before: row,
    });
    announce.changed('objective', loaded.objectiveId, loaded.objectiveId);
  });
}

/** How many files the organisation stores and their total size: for admins. */
export async function fileUsage(db: Executor, actor: Actor) {
  authorizeFileUsage(actor);
  const [row] = await db
    .select({ files: sql<number>`count(*)`.mapWith(Number), totalBytes: sql<number>`coalesce(sum(${okrFiles.size}), 0)`.mapWith(Number) })
    .from(okrFiles)
    .where(eq(okrFiles.orgId, actor.orgId));
  return row!;
}
