import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { ssoProviders, type SsoGroupMapping } from '../../../db/schema/index.js';
import { samlServiceProvider, type SamlServiceProvider } from '../../../domain/identity/saml-rules.js';
import { issuerProblem } from '../../../domain/identity/sso-rules.js';
import type { Actor } from '../../auth/actor.js';
import { invalidFields, notFound, type FieldError } from '../../errors.js';
import { authorizeOrganizationChange } from '../../policies/organization.js';
import { recordAudit } from '../audit/record-audit.js';
import { discoverIssuer } from './discovery.js';
import { readOidcConfig, type StoredOidcConfig } from './oidc-config.js';
import { samlView, type SamlConfigView } from './saml-view.js';
import { checkSharedSsoInput } from './sso-input.js';

export interface SsoConfigInput {
  name: string;
  issuer: string;
  clientId: string;
  /** Write-only: omitted on an update keeps the stored one. */
  clientSecret?: string;
  allowedDomains: string[];
  passwordSignIn: boolean;
  groupMappings: SsoGroupMapping[];
}

export interface SsoConfigView extends SamlServiceProvider, Partial<Omit<SamlConfigView, 'protocol'>> {
  configured: boolean;
  /** OpenID Connect's redirect URI; the SAML addresses come from SamlServiceProvider. */
  callbackUrl: string;
  protocol?: 'oidc' | 'saml';
  providerId?: string;
  name?: string;
  issuer?: string;
  clientId?: string;
  clientSecretSet?: boolean;
  allowedDomains?: string[];
  passwordSignIn?: boolean;
  groupMappings?: SsoGroupMapping[];
}

export const providerIdOf = (orgId: string) => `org-${orgId}`;
export const callbackUrlOf = (publicUrl: string, orgId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/api/auth/sso/callback/${providerIdOf(orgId)}`;

export async function loadSsoProvider(db: Executor, orgId: string) {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.orgId, orgId));
  return row;
}

/** The configuration as admins see it: never the client secret, only whether one is stored. */
export async function loadSsoConfig(db: Executor, actor: Actor, publicUrl: string): Promise<SsoConfigView> {
  authorizeOrganizationChange(actor);
  const row = await loadSsoProvider(db, actor.orgId);
  const addresses = { callbackUrl: callbackUrlOf(publicUrl, actor.orgId), ...samlServiceProvider(publicUrl, providerIdOf(actor.orgId)) };
  if (!row) return { configured: false, ...addresses };
  const common = {
    configured: true,
    ...addresses,
    providerId: row.providerId,
    name: row.name,
    allowedDomains: row.domain.split(','),
    passwordSignIn: row.passwordSignIn,
    groupMappings: row.groupMappings,
  };
  const saml = row.samlConfig ? samlView(row.samlConfig) : undefined;
  if (saml) return { ...common, ...saml };
  const oidc = readOidcConfig(row.oidcConfig);
  return { ...common, protocol: 'oidc', issuer: row.issuer, clientId: oidc?.clientId ?? '', clientSecretSet: Boolean(oidc?.clientSecret) };
}

async function checkInput(db: Executor, orgId: string, input: SsoConfigInput, hasSecret: boolean) {
  const problems: FieldError[] = [];
  const issuer = issuerProblem(input.issuer.trim());
  if (issuer) problems.push({ field: 'issuer', message: issuer });
  if (!input.clientSecret && !hasSecret) problems.push({ field: 'clientSecret', message: 'Enter the client secret.' });
  const domains = await checkSharedSsoInput(db, orgId, input, problems);
  if (problems.length > 0) throw invalidFields(problems);
  return domains;
}

/**
 * Creates or replaces the organisation's OpenID Connect provider (owner/admin). The issuer's discovery
 * document is fetched first, so nothing is written for an issuer Cairn cannot reach.
 */
export async function saveSsoConfig(db: Database, actor: Actor, input: SsoConfigInput, publicUrl: string) {
  authorizeOrganizationChange(actor);
  const before = await loadSsoProvider(db, actor.orgId);
  const stored = readOidcConfig(before?.oidcConfig ?? null);
  const domains = await checkInput(db, actor.orgId, input, Boolean(stored?.clientSecret));
  const issuer = input.issuer.trim().replace(/\/+$/, '');
  const endpoints = await discoverIssuer(issuer);
  const oidcConfig: StoredOidcConfig = {
    ...endpoints,
    issuer: endpoints.issuer,
    clientId: input.clientId.trim(),
    clientSecret: input.clientSecret || stored!.clientSecret,
    tokenEndpointAuthentication: 'client_secret_basic',
    pkce: true,
    scopes: ['openid', 'email', 'profile'],
    mapping: { id: 'sub', email: 'email', emailVerified: 'email_verified', name: 'name', extraFields: { groups: 'groups' } },
  };
  const values = {
    name: input.name.trim(),
    issuer: endpoints.issuer,
    oidcConfig: JSON.stringify(oidcConfig),
    // Switching from SAML to OpenID Connect: one provider per organisation, one protocol.
    samlConfig: null,
    domain: domains.join(','),
    passwordSignIn: input.passwordSignIn,
    groupMappings: input.groupMappings,
    userId: actor.userId,
  };
  await db.transaction(async (tx) => {
    if (before) await tx.update(ssoProviders).set(values).where(eq(ssoProviders.orgId, actor.orgId));
    else
      await tx.insert(ssoProviders).values({
        ...values,
        id: randomUUID(),
        orgId: actor.orgId,
        organizationId: actor.orgId,
        providerId: providerIdOf(actor.orgId),
      });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: before ? 'sso.updated' : 'sso.configured',
      targetType: 'sso-provider',
      targetId: providerIdOf(actor.orgId),
      details: {
        name: values.name,
        issuer: values.issuer,
        clientId: oidcConfig.clientId,
        clientSecretChanged: Boolean(input.clientSecret),
        allowedDomains: domains,
        passwordSignIn: input.passwordSignIn,
        groupMappings: input.groupMappings.length,
      },
    });
  });
  return loadSsoConfig(db, actor, publicUrl);
}

/** Removes single sign-on; password sign-in is what remains. Accounts linked to the provider stay. */
export async function removeSsoConfig(db: Database, actor: Actor): Promise<void> {
  authorizeOrganizationChange(actor);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(ssoProviders).where(eq(ssoProviders.orgId, actor.orgId)).returning({ issuer: ssoProviders.issuer });
    if (removed.length === 0) throw notFound('The single sign-on configuration');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'sso.removed',
      targetType: 'sso-provider',
      targetId: providerIdOf(actor.orgId),
      details: { issuer: removed[0]!.issuer },
    });
  });
}
