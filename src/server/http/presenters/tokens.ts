import type { apiTokens } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const presentToken = (t: Row<typeof apiTokens>) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: iso(t.createdAt)!,
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
});

export const presentServiceToken = ({ token, ownerName }: { token: Row<typeof apiTokens>; ownerName: string }) => ({
  ...presentToken(token),
  owner: { id: token.userId, name: ownerName },
});
