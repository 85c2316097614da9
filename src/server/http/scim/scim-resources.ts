import SCIMMY from 'scimmy';
import type { Database } from '../../../db/database.js';
import { deprovisionPerson, findScimPerson, listScimPeople, provisionPerson, reprovisionPerson } from '../../services/scim/scim-people.js';
import { deprovisionTeam, findScimTeam, listScimTeams, provisionTeam, reprovisionTeam } from '../../services/scim/scim-teams.js';
import { toScimError } from './scim-errors.js';
import { groupOf, personOf, scimGroupOf, scimUserOf, type ScimGroupInput, type ScimUserInput } from './scim-shapes.js';

export const SCIM_BASE = '/scim/v2';

/** Who a SCIM call acts for: the organisation of the bearer token, on this app's database. */
export interface ScimCall {
  db: Database;
  orgId: string;
}

type Filterable = { filter?: { match<T>(values: T[]): T[] } };

/** A Cairn error thrown inside a handler keeps its meaning (the library would call anything else a 404). */
const translated = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toScimError(error);
  }
};

/** The library matches the filter (`userName eq "…"`, `displayName eq "…"`) against the organisation's list. */
const matching = <T>(resource: Filterable, all: T[]): T[] => (resource.filter ? resource.filter.match(all) : all);

let declared = false;

/**
 * The SCIM library's resource types are process-wide; their handlers hold no state, and each request
 * passes its organisation and database as the handlers' context.
 */
export function declareScimResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({
    patch: { supported: true },
    filter: { supported: true, maxResults: 200 },
    sort: { supported: true },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'A SCIM token issued under Settings → Provisioning (SCIM).' },
    ],
  });
  const { User, Group } = SCIMMY.Resources;
  SCIMMY.Resources.declare(User).extend(SCIMMY.Schemas.EnterpriseUser, false);
  User.basepath(SCIM_BASE);
  User.egress((resource, call: ScimCall) =>
    translated(async () =>
      resource.id
        ? scimUserOf(await findScimPerson(call.db, call.orgId, resource.id))
        : matching(resource, (await listScimPeople(call.db, call.orgId)).map(scimUserOf)),
    ),
  )
    .ingress((resource, instance, call: ScimCall) =>
      translated(async () => {
        const person = personOf(instance as unknown as ScimUserInput);
        const row = resource.id
          ? await reprovisionPerson(call.db, call.orgId, resource.id, person)
          : await provisionPerson(call.db, call.orgId, person);
        return scimUserOf(row);
      }),
    )
    .degress((resource, call: ScimCall) => translated(() => deprovisionPerson(call.db, call.orgId, resource.id ?? '')));
  SCIMMY.Resources.declare(Group);
  Group.basepath(SCIM_BASE);
  Group.egress((resource, call: ScimCall) =>
    translated(async () =>
      resource.id
        ? scimGroupOf(await findScimTeam(call.db, call.orgId, resource.id))
        : matching(resource, (await listScimTeams(call.db, call.orgId)).map(scimGroupOf)),
    ),
  )
    .ingress((resource, instance, call: ScimCall) =>
      translated(async () => {
        const group = groupOf(instance as unknown as ScimGroupInput);
        const team = resource.id
          ? await reprovisionTeam(call.db, call.orgId, resource.id, group)
          : await provisionTeam(call.db, call.orgId, group);
        return scimGroupOf(team);
      }),
    )
    .degress((resource, call: ScimCall) => translated(() => deprovisionTeam(call.db, call.orgId, resource.id ?? '')));
  for (const described of [SCIMMY.Resources.ServiceProviderConfig, SCIMMY.Resources.ResourceType, SCIMMY.Resources.Schema]) {
    described.basepath(SCIM_BASE);
  }
}
