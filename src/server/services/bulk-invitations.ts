import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { invitations, teams, users } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { authorizeInvitations } from '../policies/invitations.js';
import { invalid } from '../errors.js';
import { checkRows, type CheckedRow, type InvitationRow } from './invitation-rows.js';
import { insertInvitation } from './invitations.js';

export const BULK_OUTCOMES = [
  'created',
  'already_member',
  'invalid_email',
  'unknown_team',
  'invalid_role',
  'invalid_lead',
  'duplicate',
] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

export interface BulkResult {
  row: number;
  email: string;
  outcome: BulkOutcome;
  message: string;
  invitation?: typeof invitations.$inferSelect;
  token?: string;
}

export const MAX_BULK_ROWS = 500;

const MESSAGES: Record<Exclude<BulkOutcome, 'created'>, string> = {
  already_member: 'Already has an account: nothing sent.',
  invalid_email: 'Not a valid e-mail address.',
  unknown_team: 'No team has this name.',
  invalid_role: 'The role is admin or member.',
  invalid_lead: 'Lead is yes or no.',
  duplicate: 'Listed twice: invited once.',
};

const refused = (row: CheckedRow, outcome: Exclude<BulkOutcome, 'created'>): BulkResult => ({
  row: row.row,
  email: row.email,
  outcome,
  message: MESSAGES[outcome],
});

/**
 * Invites many people at once (owner/admin), each row on its own: a row that cannot be invited is reported,
 * never fails the others. Teams are named (case-insensitively); a lead is made lead of that team on joining.
 * Everything is written in one transaction; the caller sends the e-mails after it commits.
 */
export async function bulkInvite(db: Database, actor: Actor, rows: InvitationRow[], secret: string): Promise<BulkResult[]> {
  authorizeInvitations(actor);
  if (rows.length === 0) throw invalid('rows', 'Give at least one person to invite.');
  if (rows.length > MAX_BULK_ROWS) throw invalid('rows', `Invite at most ${MAX_BULK_ROWS} people at once.`);
  const checked = checkRows(rows);
  return db.transaction(async (tx) => {
    const emails = checked.filter((r) => !r.problem).map((r) => r.email);
    const members = new Set(
      emails.length === 0
        ? []
        : (await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => u.email),
    );
    const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, actor.orgId));
    const teamByName = new Map(teamRows.map((t) => [t.name.trim().toLowerCase(), t.id]));
    const results: BulkResult[] = [];
    for (const row of checked) {
      if (row.problem) results.push(refused(row, row.problem));
      else if (members.has(row.email)) results.push(refused(row, 'already_member'));
      else if (row.team && !teamByName.has(row.team.toLowerCase())) results.push(refused(row, 'unknown_team'));
      else {
        const teamId = row.team ? teamByName.get(row.team.toLowerCase())! : null;
        const { invitation, token } = await insertInvitation(tx, actor, secret, {
          email: row.email,
          role: row.role,
          teamId,
          name: row.name,
          teamRole: row.lead && teamId ? 'lead' : 'member',
        });
        results.push({ row: row.row, email: row.email, outcome: 'created', message: 'Invited.', invitation, token });
      }
    }
    return results;
  });
}
