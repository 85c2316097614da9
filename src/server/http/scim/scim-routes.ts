import SCIMMY from 'scimmy';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  normalizePatchOperation,
  unknownAttributes,
  valuelessComparison,
  type PatchOperation,
} from '../../../domain/identity/scim-input.js';
import { organizationOfScimToken } from '../../services/scim/scim-tokens.js';
import type { AppContext } from '../context.js';
import { SCIM_JSON, sendScimError, toScimError } from './scim-errors.js';
import { declareScimResources, SCIM_BASE, type ScimCall } from './scim-resources.js';

type Query = Record<string, string | undefined>;
type ResourceClass = typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group;

const MAX_RESULTS = 200;
const EXTENSION = SCIMMY.Schemas.EnterpriseUser.definition.id;
const KNOWN = {
  User: [...SCIMMY.Schemas.User.definition.attributes.map((a) => a.name), EXTENSION],
  Group: SCIMMY.Schemas.Group.definition.attributes.map((a) => a.name),
};

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** POST and PUT: the library drops attributes it does not know, so they are refused here first. */
function refuseUnknownAttributes(body: unknown, known: string[]) {
  if (!isRecord(body)) return;
  const unknown = unknownAttributes(body, known);
  if (unknown.length > 0) throw new SCIMMY.Types.Error(400, 'invalidSyntax', `Unknown attribute: ${unknown.join(', ')}.`);
}

type PatchMessage = Parameters<InstanceType<ResourceClass>['patch']>[0];

/** Entra's string booleans made exact; the library validates the rest of the message. */
function patchOf(body: unknown): PatchMessage {
  if (!isRecord(body) || !Array.isArray(body.Operations)) return body as PatchMessage;
  const operations = (body.Operations as unknown[]).map((op) =>
    isRecord(op) ? normalizePatchOperation(op as unknown as PatchOperation) : op,
  );
  return { ...body, Operations: operations } as PatchMessage;
}

/** Only the parameters given: the library refuses a present-but-empty one. */
const given = (query: Query, names: string[]) =>
  Object.fromEntries(names.flatMap((name) => (query[name] === undefined ? [] : [[name, query[name]]]))) as Record<string, string>;

const integer = (value: string | undefined, name: string, fallback: number) => {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new SCIMMY.Types.Error(400, 'invalidValue', `${name} must be a whole number.`);
  return Number(value);
};

/** Filters and sorts in the library; pages here, so totalResults counts every match. */
async function listPage(Resource: ResourceClass, query: Query, call: ScimCall) {
  const startIndex = Math.max(integer(query.startIndex, 'startIndex', 1), 1);
  const count = Math.min(Math.max(integer(query.count, 'count', MAX_RESULTS), 0), MAX_RESULTS);
  const params = given(query, ['filter', 'attributes', 'excludedAttributes', 'sortBy', 'sortOrder']);
  const valueless = params.filter === undefined ? undefined : valuelessComparison(params.filter);
  if (valueless) throw new SCIMMY.Types.Error(400, 'invalidFilter', `The comparison "${valueless}" needs a value, e.g. userName eq "…".`);
  const all = (await new Resource(undefined, params).read(call)) as InstanceType<typeof SCIMMY.Messages.ListResponse>;
  const page = all.Resources.slice(startIndex - 1, startIndex - 1 + count);
  return new SCIMMY.Messages.ListResponse(page, { startIndex, itemsPerPage: page.length, totalResults: all.Resources.length });
}

const send = (reply: FastifyReply, status: number, body: unknown) => reply.status(status).type(SCIM_JSON).send(JSON.stringify(body));

/** The CRUD routes of one resource type, each a call into the SCIM library with the caller's organisation. */
function resourceRoutes(app: FastifyInstance, Resource: ResourceClass, known: string[], callOf: (request: FastifyRequest) => ScimCall) {
  const path = Resource.endpoint;
  type WithId = { Params: { id: string } };
  app.get<{ Querystring: Query }>(path, async (request, reply) =>
    send(reply, 200, await listPage(Resource, request.query, callOf(request))),
  );
  app.get<WithId & { Querystring: Query }>(`${path}/:id`, async (request, reply) => {
    const params = given(request.query, ['attributes', 'excludedAttributes']);
    return send(reply, 200, await new Resource(request.params.id, params).read(callOf(request)));
  });
  app.post(path, async (request, reply) => {
    refuseUnknownAttributes(request.body, known);
    const created = (await new Resource().write(request.body, callOf(request))) as { meta?: { location?: string } };
    if (created.meta?.location) reply.header('location', created.meta.location);
    return send(reply, 201, created);
  });
  app.put<WithId>(`${path}/:id`, async (request, reply) => {
    refuseUnknownAttributes(request.body, known);
    return send(reply, 200, await new Resource(request.params.id).write(request.body, callOf(request)));
  });
  app.patch<WithId>(`${path}/:id`, async (request, reply) => {
    const patched = await new Resource(request.params.id).patch(patchOf(request.body), callOf(request));
    return patched ? send(reply, 200, patched) : reply.status(204).send();
  });
  app.delete<WithId>(`${path}/:id`, async (request, reply) => {
    await new Resource(request.params.id).dispose(callOf(request));
    return reply.status(204).send();
  });
}

/**
 * SCIM 2.0 (RFC 7643/7644) under /scim/v2 for an identity provider: people and teams as Users and
 * Groups, with the organisation's SCIM bearer token. Errors are SCIM's own Error message, not problem+json.
 */
export const scimRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    declareScimResources();
    const organizations = new WeakMap<FastifyRequest, string>();
    const callOf = (request: FastifyRequest): ScimCall => ({ db: ctx.db, orgId: organizations.get(request)! });

    app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    app.setErrorHandler((error, request, reply) => {
      const scimError = toScimError(error);
      if (scimError.status >= 500) request.log.error({ err: error }, 'SCIM request failed');
      return sendScimError(reply, scimError);
    });
    app.setNotFoundHandler((request, reply) => sendScimError(reply, new SCIMMY.Types.Error(404, '', `No SCIM endpoint ${request.url}.`)));
    app.addHook('onRequest', async (request, reply) => {
      const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
      const orgId = token ? await organizationOfScimToken(ctx.db, token) : null;
      if (!orgId) {
        reply.header('www-authenticate', 'Bearer realm="scim"');
        throw new SCIMMY.Types.Error(
          401,
          '',
          'Send a SCIM token issued under Settings → Provisioning (SCIM) as "Authorization: Bearer <token>".',
        );
      }
      organizations.set(request, orgId);
    });

    resourceRoutes(app, SCIMMY.Resources.User, KNOWN.User, callOf);
    resourceRoutes(app, SCIMMY.Resources.Group, KNOWN.Group, callOf);
    app.get('/ServiceProviderConfig', async (_request, reply) =>
      send(reply, 200, await new SCIMMY.Resources.ServiceProviderConfig().read()),
    );
    for (const Described of [SCIMMY.Resources.ResourceType, SCIMMY.Resources.Schema]) {
      app.get(Described.endpoint, async (_request, reply) => send(reply, 200, await new Described().read()));
      app.get<{ Params: { id: string } }>(`${Described.endpoint}/:id`, async (request, reply) =>
        send(reply, 200, await new Described(request.params.id).read()),
      );
    }
  };

export { SCIM_BASE };
