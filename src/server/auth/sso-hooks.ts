import type { SSOOptions } from '@better-auth/sso';
import type { Database } from '../../db/database.js';
import { checkSsoSignIn, completeSsoSignIn } from '../services/sso/sso-sign-in.js';

interface UserInfoData {
  user: { email?: string | null; emailVerified?: boolean | null };
  source: { method: string; sso?: { providerId: string; profile?: unknown } };
}

/**
 * Better Auth asks before it creates, links or signs in a person. For single sign-on, Cairn's rules
 * decide (services/sso/sso-sign-in.ts); a refusal reaches the sign-in page as `error_description`.
 */
export async function validateSsoUserInfo(db: Database, data: UserInfoData) {
  if (data.source.method !== 'sso-oidc' && data.source.method !== 'sso-saml') return undefined;
  const providerId = data.source.sso?.providerId ?? '';
  const refusal = await checkSsoSignIn(db, providerId, {
    email: data.user.email ?? '',
    // SAML has no email_verified: the address is the one the IdP signed, and it is accepted only within the
    // organisation's allowed domains (checked next), as Better Auth's verified-domain rule would.
    emailVerified: data.source.method === 'sso-saml' || data.user.emailVerified === true,
  });
  return refusal ? { error: refusal.code, errorDescription: refusal.message } : undefined;
}

/** The SSO plugin's options: e-mail verification comes from the IdP's claim (OIDC) or the allowed domains (SAML); each sign-in applies group mappings. */
export function ssoSignInOptions(db: Database): SSOOptions {
  return {
    trustEmailVerified: true,
    // Every row Cairn writes has domain_verified = true (its allowed domains are the rule): this makes the
    // plugin link a SAML sign-in to the person with the asserted e-mail within those domains.
    domainVerification: { enabled: true },
    // Assertions must carry NotBefore/NotOnOrAfter; signed assertions are required per provider (saml-config.ts).
    saml: { requireTimestamps: true },
    // Cairn's own required columns (written by services/sso/sso-config.ts), declared so the plugin knows them.
    schema: {
      ssoProvider: {
        additionalFields: {
          orgId: { type: 'string', required: true, input: false },
          name: { type: 'string', required: true, input: false },
        },
      },
    },
    provisionUserOnEveryLogin: true,
    provisionUser: async ({ user, userInfo, provider }) => {
      await completeSsoSignIn(db, provider.providerId, user.id, (userInfo as { groups?: unknown }).groups);
    },
  };
}
