import { z } from 'zod';

/** Shapes shared by several resources. */
export const idParam = z.object({ id: z.uuid({ message: 'Must be a valid id.' }) });
export const userIdParam = z.object({ id: z.string().min(1).max(64) });
export const isoDateTime = z.string().describe('ISO 8601 date-time');
export const emailField = z.email({ message: 'Enter a valid email address.' }).max(254);
export const nameField = z.string().trim().min(1, 'Required.').max(120, 'Use at most 120 characters.');
export const roleField = z.enum(['owner', 'admin', 'member']);
export const timeZoneField = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Use an IANA time zone such as Europe/Paris.');

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  field: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const iso = (date: Date | null) => (date ? date.toISOString() : null);
