import type { invitations } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const presentInvitation = (i: Row<typeof invitations>) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  teamId: i.teamId,
  name: i.name,
  teamRole: i.teamRole,
  invitedBy: i.invitedBy,
  emailStatus: i.emailStatus,
  createdAt: iso(i.createdAt)!,
  expiresAt: iso(i.expiresAt)!,
});
