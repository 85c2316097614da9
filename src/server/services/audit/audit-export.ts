import type { Database } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeAudit } from '../../policies/audit.js';
import { listAudit, type AuditFilter } from './audit-log.js';
import { recordAudit } from './record-audit.js';

/** The filtered entries for the CSV download; taking the log away is itself an audited event. */
export async function exportAudit(db: Database, actor: Actor, filter: AuditFilter) {
  authorizeAudit(actor);
  const { limit: _limit, ...shown } = filter;
  await db.transaction((tx) =>
    recordAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'audit.exported', details: { filter: shown } }),
  );
  return listAudit(db, actor.orgId, filter);
}
