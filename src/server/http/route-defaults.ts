import type { RouteOptions } from 'fastify';
import { isPublicRoute } from './public-routes.js';
import { routeScopeOf } from './route-scope.js';
import { problemSchema } from './schemas.js';

/**
 * What every /api/v1 route can answer besides its own responses, derived from its shape rather
 * than listed by hand: 401 and 403 unless it is public, 404 when its path names something, 400
 * when it takes input. Each is an RFC 9457 problem, so the OpenAPI document says so.
 */
const PROBLEMS: Record<number, string> = {
  400: 'The request is malformed: a parameter, query or body does not match the schema',
  401: 'Not signed in: no session cookie or valid bearer token',
  403: 'Signed in but not allowed, or a cookie-authenticated write from another site',
  404: 'Something the path names does not exist in your organisation',
  409: 'Conflicts with the current state (a duplicate, a closed cycle, setup already done)',
  422: 'Well-formed but refused by a rule of the method',
  429: 'Too many attempts; see Retry-After',
  503: 'Temporarily unavailable; see Retry-After',
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

type Status = 400 | 401 | 403 | 404;

function derivedProblemStatuses(route: RouteOptions, isPublic: boolean): Status[] {
  const schema = route.schema ?? {};
  const statuses: Status[] = [];
  if (schema.body || schema.params || schema.querystring) statuses.push(400);
  if (!isPublic) statuses.push(401, 403);
  if (route.url.includes(':')) statuses.push(404);
  return statuses;
}

/** Methods as Fastify hands them to onRoute: one name or several. */
const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

/**
 * An `onRoute` hook for the whole app. Marks public routes (config flag, and `security: []` in the
 * document), gives each /api/v1 route the token scope it needs unless it declares one, and adds the derived problem responses to /api/v1 routes, keeping what a route declares.
 * A declared problem schema is restated as application/problem+json, which is what the error handler sends.
 */
export function applyRouteDefaults(route: RouteOptions): void {
  const isPublic = route.config?.public === true || methodsOf(route).every((method) => isPublicRoute(method, route.url));
  if (isPublic) {
    route.config = { ...route.config, public: true };
    route.schema = { ...route.schema, security: [] };
  }
  if (!route.url.startsWith('/api/v1/')) return;
  route.config = { ...route.config, scope: route.config?.scope ?? routeScopeOf(route) };
  if (route.schema?.hide) return;
  const response: Record<string, unknown> = { ...(route.schema?.response as Record<string, unknown> | undefined) };
  for (const [status, declared] of Object.entries(response)) {
    if (declared === problemSchema && Number(status) >= 400) response[status] = problemResponse(PROBLEMS[Number(status)] ?? 'A problem');
  }
  for (const status of derivedProblemStatuses(route, isPublic)) response[status] ??= problemResponse(PROBLEMS[status]!);
  route.schema = { ...route.schema, response };
}
