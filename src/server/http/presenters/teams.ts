import type { teams } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

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
  slackChannelId: t.slackChannelId,
  memberCount: memberCount ?? null,
  createdAt: iso(t.createdAt)!,
});
