import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { teams, type SsoGroupMapping } from '../../../db/schema/index.js';
import { normalizeDomains } from '../../../domain/identity/sso-rules.js';
import type { FieldError } from '../../errors.js';

/**
 * The checks OpenID Connect and SAML configurations share: allowed domains and group mappings (to teams
 * of this organisation, never to ownership). Problems are added to `problems`; the clean domains returned.
 */
export async function checkSharedSsoInput(
  db: Executor,
  orgId: string,
  input: { allowedDomains: string[]; groupMappings: SsoGroupMapping[] },
  problems: FieldError[],
): Promise<string[]> {
  const { domains, invalid: bad } = normalizeDomains(input.allowedDomains);
  if (bad.length > 0) problems.push({ field: 'allowedDomains', message: `Not a domain name: ${bad.join(', ')}.` });
  else if (domains.length === 0) problems.push({ field: 'allowedDomains', message: 'Allow at least one e-mail domain.' });
  input.groupMappings.forEach((m, i) => {
    if (!m.teamId && !m.role) problems.push({ field: `groupMappings[${i}]`, message: 'Map the group to a team, a role or both.' });
    if (m.role === 'owner') problems.push({ field: `groupMappings[${i}].role`, message: 'Ownership is never granted by a group.' });
  });
  const teamIds = input.groupMappings.flatMap((m) => (m.teamId ? [m.teamId] : []));
  if (teamIds.length > 0) {
    const found = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), inArray(teams.id, teamIds)));
    const known = new Set(found.map((t) => t.id));
    input.groupMappings.forEach((m, i) => {
      if (m.teamId && !known.has(m.teamId)) problems.push({ field: `groupMappings[${i}].teamId`, message: 'No such team.' });
    });
  }
  return domains;
}
