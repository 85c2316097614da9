import { z } from 'zod';
import { roleField } from '../schemas.js';

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleField,
  title: z.string().nullable(),
  managerId: z.string().nullable(),
  timeZone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const organizationSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string(), createdAt: z.string() });
export const sessionView = z.object({ user: userSchema, organization: organizationSchema });
