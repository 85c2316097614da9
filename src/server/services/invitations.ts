import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { invitations, organizations, teamMembers, users } from '../../db/schema/index.js';
import { type EmailStatus, type Role, type TeamMemberRole } from '../../domain/vocabulary.js';
import { hashToken, type Actor } from '../auth/actor.js';
import { authorizeInvitations } from '../policies/invitations.js';
import { conflict, notFound, AppError } from '../errors.js';
import { recordActivity } from './activity.js';
import { createAccount, normalizeEmail } from './create-account.js';
import { invitationToken } from './invitation-link.js';
import { findTeam } from './teams.js';

const scopeOf = (actor: Actor) => ({ orgId: actor.orgId, actorId: actor.userId });
const INVITATION_DAYS = 14;

export interface NewInvitation {
  email: string;
  role: Role;
  teamId?: string | null;
}

/** What one invitation row holds; `name` and `teamRole` come from a bulk invitation. */
export interface InvitationFields extends NewInvitation {
  name?: string | null;
  teamRole?: TeamMemberRole;
}

/**
 * Inside the caller's transaction: a newer invitation to the same e-mail replaces older ones. Returns the
 * invitation with its link token, derived from the secret (so "copy link" can give it again).
 */
export async function insertInvitation(tx: Executor, actor: Actor, secret: string, input: InvitationFields & { email: string }) {
  const scope = scopeOf(actor);
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.orgId, scope.orgId),
        eq(invitations.email, input.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const id = randomUUID();
  const token = invitationToken(secret, id);
  const [row] = await tx
    .insert(invitations)
    .values({
      id,
      orgId: scope.orgId,
      email: input.email,
      role: input.role,
      teamId: input.teamId ?? null,
      name: input.name ?? null,
      teamRole: input.teamRole ?? 'member',
      tokenHash: hashToken(token),
      invitedBy: scope.actorId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  await recordActivity(tx, {
    ...scope,
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: id,
    after: { email: input.email, role: input.role },
  });
  return { invitation: row!, token };
}

/** Creates an invitation and returns its link token; 409 when the e-mail already has an account. */
export async function createInvitation(db: Database, actor: Actor, input: NewInvitation, secret: string) {
  authorizeInvitations(actor);
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw conflict('email', `${email} already has an account.`);
    if (input.teamId && !(await findTeam(tx, actor.orgId, input.teamId))) throw notFound('The team', 'teamId');
    return insertInvitation(tx, actor, secret, { ...input, email });
  });
}

/**
 * The link of a pending invitation, again (admins). An invitation made before links were derived gets
 * a derived one now; its earlier link stops working.
 */
export async function pendingInvitationToken(db: Database, actor: Actor, id: string, secret: string) {
  authorizeInvitations(actor);
  const token = invitationToken(secret, id);
  const [row] = await db
    .update(invitations)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(invitations.orgId, actor.orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (!row) throw notFound('The invitation');
  return token;
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
    .select({ invitation: invitations, organization: organizations.name, timeZone: organizations.timeZone })
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
  const { invitation, timeZone } = await findOpenInvitation(db, input.token);
  return db.transaction(async (tx) => {
    // Claim the invitation first: of two people racing on one link, one wins.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning();
    if (!claimed) throw conflict('token', 'This invitation has just been used.');
    const created = await createAccount(tx, {
      orgId: invitation.orgId,
      name: input.name,
      email: invitation.email,
      password: input.password,
      role: invitation.role,
    });
    // The organisation's time zone until they choose their own (reminders and quiet hours follow it).
    const [user] = await tx
      .update(users)
      .set({ timeZone })
      .where(and(eq(users.orgId, invitation.orgId), eq(users.id, created.id)))
      .returning();
    if (invitation.teamId)
      await tx
        .insert(teamMembers)
        .values({ orgId: invitation.orgId, teamId: invitation.teamId, userId: created.id, role: invitation.teamRole })
        .onConflictDoNothing();
    await recordActivity(tx, {
      orgId: invitation.orgId,
      actorId: created.id,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { userId: created.id },
    });
    return user ?? created;
  });
}
