import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { invitations, organizations, teamMembers, users } from '../../db/schema/index.js';
import { type Role, type EmailStatus } from '../../domain/vocabulary.js';
import { hashToken, type Actor } from '../auth/actor.js';
import { authorizeInvitations } from '../policies/invitations.js';
import { conflict, notFound, AppError } from '../errors.js';
import { recordActivity } from './activity.js';
import { createAccount, normalizeEmail } from './create-account.js';
import { findTeam } from './teams.js';

const scopeOf = (actor: Actor) => ({ orgId: actor.orgId, actorId: actor.userId });
const INVITATION_DAYS = 14;

export interface NewInvitation {
  email: string;
  role: Role;
  teamId?: string | null;
}

/** Creates an invitation and returns its secret token once; a newer invitation to the same email replaces older ones. */
export async function createInvitation(db: Database, actor: Actor, input: NewInvitation) {
  authorizeInvitations(actor);
  const scope = scopeOf(actor);
  const email = normalizeEmail(input.email);
  const token = randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw conflict('email', `${email} already has an account.`);
    if (input.teamId && !(await findTeam(tx, scope.orgId, input.teamId))) throw notFound('The team', 'teamId');
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.orgId, scope.orgId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        orgId: scope.orgId,
        email,
        role: input.role,
        teamId: input.teamId ?? null,
        tokenHash: hashToken(token),
        invitedBy: scope.actorId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await recordActivity(tx, {
      ...scope,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: row!.id,
      after: { email, role: input.role },
    });
    return { invitation: row!, token };
  });
}

export async function setEmailStatus(db: Database, id: string, status: EmailStatus) {
  await db.update(invitations).set({ emailStatus: status }).where(eq(invitations.id, id));
}

export function listPendingInvitations(db: Database, actor: Actor) {
  authorizeInvitations(actor);
  const orgId = actor.orgId;
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Database, actor: Actor, id: string) {
  authorizeInvitations(actor);
  const scope = scopeOf(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, scope.orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw notFound('The invitation');
    await recordActivity(tx, {
      ...scope,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      before: { email: row.email },
    });
  });
}

/** The open invitation behind a token, with its organisation's name, or a 404 naming the token. */
export async function findOpenInvitation(db: Database, token: string) {
  const [row] = await db
    .select({ invitation: invitations, organization: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row)
    throw new AppError('not-found', 'This invitation link is not valid any more. Ask for a new one.', [
      { field: 'token', message: 'Unknown, used or expired invitation.' },
    ]);
  return row;
}

export async function acceptInvitation(db: Database, input: { token: string; name: string; password: string }) {
  const { invitation } = await findOpenInvitation(db, input.token);
  return db.transaction(async (tx) => {
    // Claim the invitation first: of two people racing on one link, one wins.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning();
    if (!claimed) throw conflict('token', 'This invitation has just been used.');
    const user = await createAccount(tx, {
      orgId: invitation.orgId,
      name: input.name,
      email: invitation.email,
      password: input.password,
      role: invitation.role,
    });
    if (invitation.teamId)
      await tx.insert(teamMembers).values({ orgId: invitation.orgId, teamId: invitation.teamId, userId: user.id }).onConflictDoNothing();
    await recordActivity(tx, {
      orgId: invitation.orgId,
      actorId: user.id,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { userId: user.id },
    });
    return user;
  });
}
