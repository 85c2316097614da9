import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { users } from '../../../db/schema/index.js';

/** The organisation's OKR champions: everyone's contact for OKR questions. */
export const listChampions = (db: Executor, orgId: string) =>
  db
    .select({ id: users.id, name: users.name, email: users.email, title: users.title })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'champion'), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
