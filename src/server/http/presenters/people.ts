import type { users } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** Rows become API shapes only in this folder, so secrets and internals (password hashes, webhook URLs) never leak by accident. */
export const presentUser = (u: Row<typeof users>) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  title: u.title,
  managerId: u.managerId,
  timeZone: u.timeZone,
  active: u.deactivatedAt === null,
  createdAt: iso(u.createdAt)!,
});
