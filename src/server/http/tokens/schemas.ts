import { z } from 'zod';
import { TOKEN_SCOPES } from '../../../domain/identity/token-scopes.js';
import { nameField } from '../schemas.js';

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const serviceTokenSchema = tokenSchema.extend({ owner: z.object({ id: z.string(), name: z.string() }) });

export const tokenBody = z.object({
  name: nameField,
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .min(1, 'Choose at least one scope.')
    .describe('What the token may do: `read`, `write:check-ins`, `write:okrs`, `admin` (includes the others)'),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Days until the token stops working; omit for no expiry'),
});
