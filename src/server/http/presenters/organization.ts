import type { organizations } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const presentOrganization = (o: Row<typeof organizations>) => ({
  id: o.id,
  name: o.name,
  timeZone: o.timeZone,
  createdAt: iso(o.createdAt)!,
});
