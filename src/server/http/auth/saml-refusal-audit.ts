import type { Database } from '../../../db/database.js';
import { SSO_REFUSAL_MESSAGES } from '../../../domain/identity/sso-rules.js';
import { providerById, recordSsoRefusal } from '../../services/sso/sso-sign-in.js';
import { SAML_ACS } from './allowed.js';

/**
 * A SAML response Better Auth refused (bad signature, expired, another audience, replayed, unsolicited)
 * ends in a redirect carrying `error`: it enters the organisation's audit log as `auth.sso-refused`.
 * Cairn's own refusals (domain, deactivated…) are recorded where they are decided, so not twice.
 */
export async function auditSamlRefusal(db: Database, path: string, response: Response): Promise<void> {
  const providerId = SAML_ACS.exec(path)?.[1];
  const location = response.headers.get('location');
  if (!providerId || !location) return;
  const params = new URL(location, 'http://cairn.invalid').searchParams;
  const error = params.get('error');
  if (!error || error in SSO_REFUSAL_MESSAGES) return;
  const provider = await providerById(db, providerId);
  if (!provider) return;
  const description = params.get('error_description');
  await recordSsoRefusal(db, provider.orgId, providerId, `saml: ${error}${description ? ` (${description.slice(0, 200)})` : ''}`);
}
