import { workEmailOf } from '../../../domain/identity/scim-input.js';
import type { ProvisionedGroup } from '../../services/scim/scim-teams.js';
import type { ProvisionedPerson, ScimPersonRow } from '../../services/scim/scim-people.js';
import type { ScimTeam } from '../../services/scim/scim-teams.js';

/** Cairn keeps one full name; SCIM's given and family names are its first word and the rest, so a round trip keeps it. */
function splitName(name: string) {
  const [givenName = '', ...rest] = name.trim().split(/\s+/);
  return rest.length > 0 ? { givenName, familyName: rest.join(' ') } : { givenName };
}

export function scimUserOf({ user, externalId }: ScimPersonRow) {
  return {
    id: user.id,
    ...(externalId ? { externalId } : {}),
    userName: user.email,
    name: { formatted: user.name, ...splitName(user.name) },
    displayName: user.name,
    emails: [{ value: user.email, type: 'work', primary: true }],
    active: !user.deactivatedAt,
    meta: { created: user.createdAt, lastModified: user.updatedAt },
  };
}

export function scimGroupOf({ team, externalId, members }: ScimTeam) {
  return {
    id: team.id,
    ...(externalId ? { externalId } : {}),
    displayName: team.name,
    members: members.map((member) => ({ value: member.id, display: member.name, type: 'User' })),
    meta: { created: team.createdAt, lastModified: team.updatedAt },
  };
}

/** What the SCIM library hands over once it has checked a resource against its schema. */
export interface ScimUserInput {
  userName: string;
  externalId?: string;
  displayName?: string;
  active?: boolean;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  emails?: { value?: string; type?: string; primary?: boolean }[];
}

export interface ScimGroupInput {
  displayName: string;
  externalId?: string;
  members?: { value: string }[];
}

/** Given and family names win over `formatted`: Okta and Entra both send them and change them by PATCH. */
export function personOf(input: ScimUserInput): ProvisionedPerson {
  const parts = [input.name?.givenName, input.name?.familyName].filter((part): part is string => !!part?.trim());
  const name = parts.length > 0 ? parts.join(' ') : input.name?.formatted || input.displayName || input.userName;
  return {
    email: input.userName,
    workEmail: workEmailOf(input.emails),
    name,
    active: input.active ?? true,
    externalId: input.externalId ?? null,
  };
}

export function groupOf(input: ScimGroupInput): ProvisionedGroup {
  const memberIds = [...new Set((input.members ?? []).map((member) => member.value))];
  return { name: input.displayName, memberIds, externalId: input.externalId ?? null };
}
