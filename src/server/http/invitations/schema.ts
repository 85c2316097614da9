import { z } from 'zod';
import { EMAIL_STATUSES, TEAM_MEMBER_ROLES } from '../../../domain/vocabulary.js';
import { BULK_OUTCOMES, MAX_BULK_ROWS } from '../../services/bulk-invitations.js';
import { roleField } from '../schemas.js';

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleField,
  teamId: z.string().nullable(),
  name: z.string().nullable().describe('Offered on the accept form (from a bulk invitation)'),
  teamRole: z.enum(TEAM_MEMBER_ROLES).describe('The role the person takes in the team on joining'),
  invitedBy: z.string().nullable(),
  emailStatus: z.enum(EMAIL_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const createdInvitation = invitationSchema.extend({ link: z.string().describe('The link the person opens to join') });

const cell = z.string().max(320).nullable().optional();
const bulkRow = z.object({
  name: cell,
  email: z.string().max(320),
  team: cell.describe('A team’s name'),
  role: cell.describe('admin or member (default)'),
  lead: z.union([z.boolean(), cell]).describe('yes/no: lead of the team'),
});
export const bulkBody = z
  .object({
    csv: z.string().max(200_000).optional().describe('name, email, team, role, lead; a header line naming "email" sets the order'),
    rows: z.array(bulkRow).max(MAX_BULK_ROWS).optional().describe('e.g. a pasted list of e-mails, one row each'),
  })
  .refine((body) => (body.csv === undefined) !== (body.rows === undefined), { message: 'Give either csv or rows.', path: ['csv'] });

export const bulkResponse = z.object({
  created: z.number().int(),
  results: z.array(
    z.object({
      row: z.number().int().describe('From 1, not counting a header line'),
      email: z.string(),
      outcome: z.enum(BULK_OUTCOMES),
      message: z.string(),
      invitation: createdInvitation.optional(),
    }),
  ),
});
export const linkResponse = z.object({ link: z.string() });
