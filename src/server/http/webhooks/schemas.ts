import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../domain/webhooks/events.js';
import { isoDateTime } from '../schemas.js';

const eventField = z.enum(WEBHOOK_EVENTS, { message: `Choose among: ${WEBHOOK_EVENTS.join(', ')}.` });
const urlField = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), { message: 'Use an http:// or https:// address.' });
const eventsField = z
  .array(eventField)
  .min(1, { message: 'Choose at least one event.' })
  .max(WEBHOOK_EVENTS.length * 2);
const descriptionField = z.string().trim().max(500).nullable();

export const webhookBody = z.object({ url: urlField, events: eventsField, description: descriptionField.optional() });
export const webhookPatch = z
  .object({ url: urlField, events: eventsField, description: descriptionField, enabled: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Send at least one of url, events, description, enabled.' });

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Webhook' });

export const webhookWithSecret = webhookSchema
  .extend({ secret: z.string().describe('`whsec_` + base64: shown this once; verify deliveries with it') })
  .meta({ id: 'WebhookWithSecret' });

export const deliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.string(),
    eventType: z.string(),
    attempt: z.number().int(),
    statusCode: z.number().int().nullable(),
    responseMs: z.number().int().nullable(),
    error: z.string().nullable(),
    at: isoDateTime,
  })
  .meta({ id: 'WebhookDelivery' });

export const testResult = z.object({ result: z.enum(['sent', 'retried', 'failed', 'not-due']) });
