import { z } from 'zod';
import { ROLES } from '../domain/vocabulary.js';

/** Field rules shared by the API schemas, the services' own inputs and the CLI. */
export const emailField = z.email({ message: 'Enter a valid email address.' }).max(254);
export const nameField = z.string().trim().min(1, 'Required.').max(120, 'Use at most 120 characters.');
export const roleField = z.enum(ROLES);
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
