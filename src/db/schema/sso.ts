import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/vocabulary.js';
import { updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';

/** How an identity provider's group maps into Cairn: a team to join and/or a role to hold. */
export interface SsoGroupMapping {
  group: string;
  teamId?: string;
  role?: Role;
}

/**
 * An organisation's single sign-on provider (issue 19). The JS keys issuer … domain are the fields
 * Better Auth's SSO plugin reads (its `ssoProvider` model); the rest are Cairn's. One per organisation.
 * `oidc_config` holds the client secret: it is never returned by the API nor exported.
 */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    id: text('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .unique()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull().unique(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    oidcConfig: text('oidc_config'),
    samlConfig: text('saml_config'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The plugin's organisation field; always org_id as text. */
    organizationId: text('organization_id').notNull(),
    /** Allowed e-mail domains, comma-separated, as the plugin matches them. */
    domain: text('domain').notNull(),
    /**
     * Better Auth's domain-verification flag, always true: Cairn's admin-entered allowed domains are the trust rule
     * (services/sso/sso-sign-in.ts refuses other domains and other organisations' people). With it, the plugin
     * links a SAML sign-in to the Cairn person with the asserted e-mail, as SAML has no email_verified claim.
     */
    domainVerified: boolean('domain_verified').notNull().default(true),
    passwordSignIn: boolean('password_sign_in').notNull().default(true),
    groupMappings: jsonb('group_mappings').$type<SsoGroupMapping[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('sso_providers_org_matches_check', sql`${t.organizationId} = ${t.orgId}::text`),
    check('sso_providers_domain_check', sql`length(${t.domain}) > 0`),
  ],
);
