import type { apiTokens, invitations, organizations, teams, users } from '../../db/schema/index.js';
import { iso } from './schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** Rows become API shapes here only, so secrets and internals never leak by accident. */
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

export const presentOrganization = (o: Row<typeof organizations>) => ({
  id: o.id,
  name: o.name,
  timeZone: o.timeZone,
  createdAt: iso(o.createdAt)!,
});

export const presentTeam = (t: Row<typeof teams>, memberCount?: number) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  kind: t.kind,
  parentId: t.parentId,
  checkInCadence: t.checkInCadence,
  checkInDay: t.checkInDay,
  checkInHour: t.checkInHour,
  hasWebhook: t.webhookUrl !== null,
  memberCount: memberCount ?? null,
  createdAt: iso(t.createdAt)!,
});

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

export const presentToken = (t: Row<typeof apiTokens>) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: iso(t.createdAt)!,
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
});
