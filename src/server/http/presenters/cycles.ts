import type { cycles } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

export const presentCycle = (c: typeof cycles.$inferSelect) => ({
  id: c.id,
  name: c.name,
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status,
  closedAt: iso(c.closedAt),
  archived: c.archivedAt !== null,
});
