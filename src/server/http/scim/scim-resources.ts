import SCIMMY from 'scimmy';
import type { Database } from '../../../db/database.js';
import {
  deprovisionPerson,
  findScimPerson,
  listScimPeople,
  provisionPerson,
  reprovisionPerson,
  type ProvisionedPerson,
  type ScimPersonRow,
} from '../../services/scim/scim-people.js';
import {
  deprovisionTeam,
  findScimTeam,
  listScimTeams,
  provisionTeam,
  reprovisionTeam,
  type ProvisionedGroup,
  type ScimTeam,
} from '../../services/scim/scim-teams.js';
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

/**
 * What one SCIM resource type is in Cairn: how its rows are read, shown, written and removed. Users and
 * Groups differ only in these; the handlers the SCIM library calls are the same shape for both.
 */
interface ResourceModel<Row, Input, Shown> {
  find(db: Database, orgId: string, id: string): Promise<Row>;
  list(db: Database, orgId: string): Promise<Row[]>;
  present(row: Row): Shown;
  inputOf(instance: unknown): Input;
  provision(db: Database, orgId: string, input: Input): Promise<Row>;
  reprovision(db: Database, orgId: string, id: string, input: Input): Promise<Row>;
  deprovision(db: Database, orgId: string, id: string): Promise<void>;
}

type ScimResource = Filterable & { id?: string };

/** The library's egress (read), ingress (create/replace, and PATCH once applied) and degress (delete) for one model. */
function handlersOf<Row, Input, Shown>(model: ResourceModel<Row, Input, Shown>) {
  return {
    egress: (resource: ScimResource, call: ScimCall) =>
      translated(async () =>
        resource.id
          ? model.present(await model.find(call.db, call.orgId, resource.id))
          : matching(resource, (await model.list(call.db, call.orgId)).map(model.present)),
      ),
    ingress: (resource: ScimResource, instance: unknown, call: ScimCall) =>
      translated(async () => {
        const input = model.inputOf(instance);
        const row = resource.id
          ? await model.reprovision(call.db, call.orgId, resource.id, input)
          : await model.provision(call.db, call.orgId, input);
        return model.present(row);
      }),
    degress: (resource: ScimResource, call: ScimCall) => translated(() => model.deprovision(call.db, call.orgId, resource.id ?? '')),
  };
}

const people: ResourceModel<ScimPersonRow, ProvisionedPerson, ReturnType<typeof scimUserOf>> = {
  find: findScimPerson,
  list: listScimPeople,
  present: scimUserOf,
  inputOf: (instance) => personOf(instance as ScimUserInput),
  provision: provisionPerson,
  reprovision: reprovisionPerson,
  deprovision: deprovisionPerson,
};

const teams: ResourceModel<ScimTeam, ProvisionedGroup, ReturnType<typeof scimGroupOf>> = {
  find: findScimTeam,
  list: listScimTeams,
  present: scimGroupOf,
  inputOf: (instance) => groupOf(instance as ScimGroupInput),
  provision: provisionTeam,
  reprovision: reprovisionTeam,
  deprovision: deprovisionTeam,
};

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
  const user = handlersOf(people);
  User.basepath(SCIM_BASE);
  User.egress(user.egress).ingress(user.ingress).degress(user.degress);
  SCIMMY.Resources.declare(Group);
  const group = handlersOf(teams);
  Group.basepath(SCIM_BASE);
  Group.egress(group.egress).ingress(group.ingress).degress(group.degress);
  for (const described of [SCIMMY.Resources.ServiceProviderConfig, SCIMMY.Resources.ResourceType, SCIMMY.Resources.Schema]) {
    described.basepath(SCIM_BASE);
  }
}
