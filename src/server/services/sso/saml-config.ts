import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { ssoProviders, type SsoGroupMapping } from '../../../db/schema/index.js';
import {
  DEFAULT_EMAIL_ATTRIBUTE,
  DEFAULT_GROUPS_ATTRIBUTE,
  NAMEID_EMAIL,
  SAML_REDIRECT_BINDING,
  samlServiceProvider,
} from '../../../domain/identity/saml-rules.js';
import type { Actor } from '../../auth/actor.js';
import { invalidFields, type FieldError } from '../../errors.js';
import { authorizeOrganizationChange } from '../../policies/organization.js';
import { recordAudit } from '../audit/record-audit.js';
import { certificateFingerprints, readSamlIdp, type SamlIdpInput, type SamlIdpSettings } from './saml-idp-settings.js';
import type { StoredSamlConfig } from './saml-view.js';
import { loadSsoConfig, loadSsoProvider, providerIdOf } from './sso-config.js';
import { checkSharedSsoInput } from './sso-input.js';

export interface SamlConfigInput extends SamlIdpInput {
  name: string;
  allowedDomains: string[];
  passwordSignIn: boolean;
  groupMappings: SsoGroupMapping[];
  /** The attribute holding the e-mail (Entra: http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress). */
  emailAttribute?: string;
  groupsAttribute?: string;
}

/**
 * The plugin's configuration: assertions must be signed by the IdP's certificate; Cairn's entity ID is the
 * audience; the e-mail comes from `emailAttribute`, else from the NameID (emailAddress format).
 */
function storedConfig(idp: SamlIdpSettings, spEntityId: string, input: SamlConfigInput): StoredSamlConfig {
  return {
    issuer: spEntityId,
    audience: spEntityId,
    entryPoint: idp.entryPoint,
    idpMetadata: idp.metadata
      ? { metadata: idp.metadata, entityID: idp.entityId }
      : {
          entityID: idp.entityId,
          cert: idp.certificates,
          singleSignOnService: [{ Binding: SAML_REDIRECT_BINDING, Location: idp.entryPoint }],
        },
    wantAssertionsSigned: true,
    authnRequestsSigned: false,
    identifierFormat: NAMEID_EMAIL,
    mapping: {
      email: input.emailAttribute?.trim() || DEFAULT_EMAIL_ATTRIBUTE,
      name: 'displayName',
      firstName: 'givenName',
      lastName: 'surname',
      extraFields: { groups: input.groupsAttribute?.trim() || DEFAULT_GROUPS_ATTRIBUTE },
    },
  };
}

/**
 * Creates or replaces the organisation's provider with a SAML 2.0 one (owner/admin). The IdP's metadata or
 * fields are checked first, so nothing is written for settings no response could be verified against.
 */
export async function saveSamlConfig(db: Database, actor: Actor, input: SamlConfigInput, publicUrl: string) {
  authorizeOrganizationChange(actor);
  const before = await loadSsoProvider(db, actor.orgId);
  const problems: FieldError[] = [];
  const idp = readSamlIdp(input, problems);
  const domains = await checkSharedSsoInput(db, actor.orgId, input, problems);
  if (problems.length > 0 || !idp) throw invalidFields(problems);
  const providerId = providerIdOf(actor.orgId);
  const { spEntityId } = samlServiceProvider(publicUrl, providerId);
  const values = {
    name: input.name.trim(),
    issuer: spEntityId,
    oidcConfig: null,
    samlConfig: JSON.stringify(storedConfig(idp, spEntityId, input)),
    domain: domains.join(','),
    domainVerified: true,
    passwordSignIn: input.passwordSignIn,
    groupMappings: input.groupMappings,
    userId: actor.userId,
  };
  await db.transaction(async (tx) => {
    if (before) await tx.update(ssoProviders).set(values).where(eq(ssoProviders.orgId, actor.orgId));
    else await tx.insert(ssoProviders).values({ ...values, id: randomUUID(), orgId: actor.orgId, organizationId: actor.orgId, providerId });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: before ? 'sso.updated' : 'sso.configured',
      targetType: 'sso-provider',
      targetId: providerId,
      details: {
        protocol: 'saml',
        name: values.name,
        idpEntityId: idp.entityId,
        entryPoint: idp.entryPoint,
        certificates: certificateFingerprints(idp.certificates),
        allowedDomains: domains,
        passwordSignIn: input.passwordSignIn,
        groupMappings: input.groupMappings.length,
      },
    });
  });
  return loadSsoConfig(db, actor, publicUrl);
}
