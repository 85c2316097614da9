import { z } from 'zod';

/** Shapes shared by several resources. */
export const idParam = z.object({ id: z.uuid({ message: 'Must be a valid id.' }) });
export const userIdParam = z.object({ id: z.string().min(1).max(64) });
export const isoDateTime = z.string().describe('ISO 8601 date-time');
export { emailField, nameField, roleField, timeZoneField } from '../fields.js';

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  field: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const iso = (date: Date | null) => (date ? date.toISOString() : null);
