import { api } from './client.js';
import type { Invitation } from './types.js';

export type BulkOutcome = 'created' | 'already_member' | 'invalid_email' | 'unknown_team' | 'invalid_role' | 'invalid_lead' | 'duplicate';

export interface BulkResult {
  row: number;
  email: string;
  outcome: BulkOutcome;
  message: string;
  invitation?: Invitation & { link: string };
}

export interface BulkAnswer {
  created: number;
  results: BulkResult[];
}

/** A CSV (name, email, team, role, lead) or a list of rows, e.g. pasted e-mails. */
export const bulkInvite = (body: { csv: string } | { rows: { email: string }[] }) =>
  api<BulkAnswer>('/api/v1/invitations/bulk', { method: 'POST', body });

/** The link of a pending invitation, to copy again. */
export const invitationLinkOf = (id: string) => api<{ link: string }>(`/api/v1/invitations/${id}/link`, { method: 'POST' });

/** E-mails pasted one per line, or separated by commas, semicolons or spaces. */
export const pastedEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean)
    .map((email) => ({ email }));
