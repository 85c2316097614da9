import type { cycles } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

export const presentCycle = (c: typeof cycles.$inferSelect) => ({
  id: c.id,
  name: c.name,
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status,
  reviewOpensOn: c.reviewOpensOn,
  closedAt: iso(c.closedAt),
  closedEarly: c.closedAt !== null && c.closedAt.toISOString().slice(0, 10) < c.endDate,
  archived: c.archivedAt !== null,
});
