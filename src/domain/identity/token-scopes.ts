/**
 * What an API token may do, chosen when it is made (issue 19). A token never does more than its owner
 * may; its scopes only narrow that. `admin` includes the others: a token for an admin integration
 * should not need four boxes ticked.
 */
export const TOKEN_SCOPES = ['read', 'write:check-ins', 'write:okrs', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What a route asks of a token: a scope, or `session` for what only a signed-in person may do (minting tokens). */
export type RouteScope = TokenScope | 'session';

/** Personal tokens are their owner's; service tokens belong to the organisation, issued and owned by an admin. */
export const TOKEN_KINDS = ['personal', 'service'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export function scopeGrants(held: readonly TokenScope[], needed: RouteScope): boolean {
  if (needed === 'session') return false;
  return held.includes('admin') || held.includes(needed);
}

/** Scopes as stored: each once, in the order of TOKEN_SCOPES, so lists and audit entries compare equal. */
export const normalizeScopes = (scopes: readonly TokenScope[]): TokenScope[] => TOKEN_SCOPES.filter((s) => scopes.includes(s));

// Writes that are check-ins (a script posting numbers) rather than shaping the OKRs themselves.
const CHECK_IN_WRITES = [/^\/api\/v1\/key-results\/:id\/check-ins$/, /^\/api\/v1\/check-ins\//, /^\/api\/v1\/kpis\/:id\/values/];

// Organisation administration, read or written: people, roles, teams, settings, tokens, the audit log, SCIM.
const ADMIN_PATHS = [
  /^\/api\/v1\/organization(\/|$)/,
  /^\/api\/v1\/admin\//,
  /^\/api\/v1\/users\/:id$/,
  /^\/api\/v1\/invitations(\/|$)/,
  /^\/api\/v1\/teams(\/|$)/,
  /^\/api\/v1\/kpi-settings$/,
  /^\/api\/v1\/leaderboard\/settings$/,
  /^\/api\/v1\/rollout\/pilot$/,
  /^\/api\/v1\/surveys\/settings$/,
  /^\/api\/v1\/imports(\/|$)/,
  /^\/api\/v1\/audit(\/|$)/,
  /^\/api\/v1\/service-tokens(\/|$)/,
  /^\/api\/v1\/scim-tokens(\/|$)/,
];
const ADMIN_READS = [/^\/api\/v1\/audit(\/|$)/, /^\/api\/v1\/service-tokens(\/|$)/, /^\/api\/v1\/scim-tokens(\/|$)/];

// Anything that issues a credential: a token must never mint another (it would outlive its revocation).
const SESSION_ONLY = [
  /^POST \/api\/v1\/tokens$/,
  /^POST \/api\/v1\/service-tokens$/,
  /^POST \/api\/v1\/scim-tokens$/,
  /^POST \/api\/v1\/(kpis|key-results)\/:id\/ingest-tokens$/,
  /^PUT \/api\/v1\/me\/password$/,
];

/**
 * The scope a route needs when called with a token, from its method and path. A route may declare its
 * own in `config.scope`; this is the default every other route gets (http/route-defaults.ts).
 */
export function defaultRouteScope(method: string, url: string): RouteScope {
  if (SESSION_ONLY.some((pattern) => pattern.test(`${method} ${url}`))) return 'session';
  if (method === 'GET' || method === 'HEAD') return ADMIN_READS.some((p) => p.test(url)) ? 'admin' : 'read';
  if (CHECK_IN_WRITES.some((p) => p.test(url))) return 'write:check-ins';
  if (ADMIN_PATHS.some((p) => p.test(url))) return 'admin';
  return 'write:okrs';
}
