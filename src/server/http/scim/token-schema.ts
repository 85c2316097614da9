import { z } from 'zod';
import { nameField } from '../schemas.js';

/** SCIM tokens as the API shows them; the web app derives its types from these (type-only imports). */
export const scimTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters, to recognise the token in the identity provider'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const scimTokenList = z.object({
  baseUrl: z.string().describe('The SCIM base URL to enter in the identity provider (Okta, Microsoft Entra…)'),
  tokens: z.array(scimTokenSchema),
});

export const scimTokenBody = z.object({ name: nameField });

export const scimTokenCreated = scimTokenSchema.extend({ token: z.string().describe('The secret, shown this once') });
