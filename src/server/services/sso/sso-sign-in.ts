import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { ssoProviders, teamMembers, users } from '../../../db/schema/index.js';
import { SSO_REFUSAL_MESSAGES, ssoRefusal, type SsoRefusal } from '../../../domain/identity/sso-rules.js';
import { ROLES, type Role } from '../../../domain/vocabulary.js';
import { normalizeEmail } from '../create-account.js';
import { recordAudit } from '../audit/record-audit.js';

export async function providerById(db: Database, providerId: string) {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.providerId, providerId));
  return row;
}

export interface IdentityClaims {
  email: string;
  emailVerified: boolean;
}

/**
 * Decides whether the identity provider's answer may sign someone in (verified e-mail, allowed domain,
 * a person of this organisation who is not deactivated). A refusal is recorded in the audit log and
 * its message returned for the sign-in page.
 */
export async function checkSsoSignIn(
  db: Database,
  providerId: string,
  claims: IdentityClaims,
): Promise<{ code: SsoRefusal; message: string } | null> {
  const provider = await providerById(db, providerId);
  if (!provider) return { code: 'domain-not-allowed', message: 'Single sign-on is not configured for this organisation.' };
  const email = normalizeEmail(claims.email);
  const [person] = await db.select({ orgId: users.orgId, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, email));
  const refusal = ssoRefusal({
    email,
    emailVerified: claims.emailVerified,
    allowedDomains: provider.domain.split(','),
    existing: person ? { sameOrganization: person.orgId === provider.orgId, deactivated: person.deactivatedAt !== null } : undefined,
  });
  if (!refusal) return null;
  await recordSsoRefusal(db, provider.orgId, providerId, refusal, email);
  return { code: refusal, message: SSO_REFUSAL_MESSAGES[refusal] };
}

export async function recordSsoRefusal(db: Database, orgId: string, providerId: string, reason: string, email?: string) {
  await db.transaction((tx) =>
    recordAudit(tx, {
      orgId,
      actorId: null,
      actorName: email ?? 'identity provider',
      action: 'auth.sso-refused',
      targetType: 'sso-provider',
      targetId: providerId,
      details: { reason, ...(email ? { email } : {}) },
    }),
  );
}

const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);

/**
 * After a successful sign-in: applies the group mappings (joins the mapped teams; takes the highest
 * mapped role, never changing an owner) and records the sign-in.
 */
export async function completeSsoSignIn(db: Database, providerId: string, userId: string, groups: unknown) {
  const provider = await providerById(db, providerId);
  if (!provider) return;
  // OIDC sends an array; a SAML attribute with one value arrives as a string.
  const list: unknown[] = Array.isArray(groups) ? groups : [groups];
  const claimed = new Set(list.filter((g): g is string => typeof g === 'string'));
  const matches = provider.groupMappings.filter((m) => claimed.has(m.group));
  await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ role: users.role })
      .from(users)
      .where(and(eq(users.orgId, provider.orgId), eq(users.id, userId)));
    if (!person) return;
    const teamIds = [...new Set(matches.flatMap((m) => (m.teamId ? [m.teamId] : [])))];
    if (teamIds.length > 0) {
      const already = await tx
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(and(eq(teamMembers.orgId, provider.orgId), eq(teamMembers.userId, userId), inArray(teamMembers.teamId, teamIds)));
      const joined = teamIds.filter((id) => !already.some((row) => row.teamId === id));
      if (joined.length > 0) await tx.insert(teamMembers).values(joined.map((teamId) => ({ orgId: provider.orgId, teamId, userId })));
    }
    const roles = matches.flatMap((m) => (m.role ? [m.role] : []));
    const mappedRole = roles.sort((a, b) => rank(b) - rank(a))[0];
    const role = mappedRole && person.role !== 'owner' && mappedRole !== 'owner' ? mappedRole : person.role;
    if (role !== person.role)
      await tx
        .update(users)
        .set({ role })
        .where(and(eq(users.orgId, provider.orgId), eq(users.id, userId)));
    await recordAudit(tx, {
      orgId: provider.orgId,
      actorId: userId,
      action: 'auth.sso-sign-in',
      targetType: 'user',
      targetId: userId,
      details: { providerId, teamsJoined: teamIds.length, ...(role !== person.role ? { roleFrom: person.role, roleTo: role } : {}) },
    });
  });
}

/**
 * When the organisation turned password sign-in off, only owners keep it (the break-glass path if the
 * identity provider is down). Returns the refusal message, or null.
 */
export async function passwordSignInRefusal(db: Database, email: string): Promise<string | null> {
  const [row] = await db
    .select({ role: users.role, passwordSignIn: ssoProviders.passwordSignIn, name: ssoProviders.name })
    .from(users)
    .innerJoin(ssoProviders, eq(ssoProviders.orgId, users.orgId))
    .where(eq(users.email, normalizeEmail(email)));
  if (!row || row.passwordSignIn || row.role === 'owner') return null;
  return `Your organisation signs in with ${row.name}. Use "Sign in with ${row.name}" instead of a password.`;
}

/** What the sign-in page offers: the configured providers' names, nothing else. */
export async function signInProviders(db: Database) {
  return db.select({ providerId: ssoProviders.providerId, name: ssoProviders.name }).from(ssoProviders).orderBy(ssoProviders.name);
}

/** Issuer origins Better Auth may fetch from (its SSRF guard refuses private addresses otherwise). */
export async function issuerOrigins(db: Database): Promise<string[]> {
  const rows = await db.select({ issuer: ssoProviders.issuer }).from(ssoProviders);
  return rows.flatMap((r) => {
    try {
      return [new URL(r.issuer).origin];
    } catch {
      return [];
    }
  });
}
