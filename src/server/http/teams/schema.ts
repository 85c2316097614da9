import { z } from 'zod';
import { nameField } from '../schemas.js';

export const teamKind = z.enum(['department', 'team']);
export const cadence = z.enum(['weekly', 'biweekly', 'monthly']);

export const teamCreate = z.object({
  name: nameField,
  description: z.string().max(2000).nullable().optional(),
  kind: teamKind.default('team'),
  parentId: z.uuid({ message: 'Must be a team id.' }).nullable().optional(),
  checkInCadence: cadence.optional(),
});

export const teamPatch = teamCreate.partial().extend({ kind: teamKind.optional() });

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: teamKind,
  parentId: z.string().nullable(),
  checkInCadence: cadence,
  memberCount: z.number().nullable(),
  createdAt: z.string(),
});

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  role: z.enum(['lead', 'member']),
  joinedAt: z.string(),
});

export const memberBody = z.object({ userId: z.string().min(1).max(64), role: z.enum(['lead', 'member']).default('member') });
export const memberRoleBody = z.object({ role: z.enum(['lead', 'member']) });
