/**
 * The routes anyone may call without signing in. Everything else under /api/v1 answers 401 before
 * its handler runs (http/authenticate.ts). A route can also say `config: { public: true }`, but
 * tests/shape/openapi-auth.test.ts still requires its line here, with the reason, to be reviewed.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/health': 'load balancers and monitors probe it',
  'GET /api/health/live': 'an orchestrator probes liveness without credentials',
  'GET /api/health/ready': 'a load balancer probes readiness without credentials',
  'GET /api/v1/setup': 'the first-run page asks whether setup is still needed',
  'POST /api/v1/setup': 'first-run setup creates the first account',
  'POST /api/v1/password-reset': 'a person who forgot their password asks for a link; the answer never says whether the address exists',
  'POST /api/v1/password-reset/confirm': 'the reset link is opened signed out; its single-use, short-lived token is checked instead',
  'GET /api/v1/invitations/by-token/:token': 'the invitation link is opened before the person has an account',
  'POST /api/v1/invitations/accept': 'accepting an invitation creates the account',
  'GET /api/v1/unsubscribe': 'opened from a mailbox: shows a confirm button; the link is signed instead',
  'POST /api/v1/ingest/:id':
    "a script pushes a metric's value with its ingest token, checked in the handler (it is no session or API token)",
  'GET /api/v1/calendar/:token': "calendar apps fetch a person's feed without a session; the link is signed and revocable instead",
  'GET /api/v1/shared-reports/:token':
    'stakeholders outside Cairn open a shared report; the link is signed, expires and is revocable instead',
  'GET /api/v1/sso/providers': 'the sign-in page offers "Sign in with <provider>" before anyone is signed in (names only)',
  'POST /api/v1/unsubscribe': 'the one-click unsubscribe of RFC 8058, posted by the mail client; the link is signed instead',
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Callable without credentials; set from the list above or by the route itself. */
    public?: boolean;
  }
}

/** HEAD routes are Fastify's automatic twins of GET routes and share their access. */
export function isPublicRoute(method: string, url: string): boolean {
  const verb = method === 'HEAD' ? 'GET' : method;
  return `${verb} ${url}` in PUBLIC_ROUTES;
}

export const publicRouteKeys = () => Object.keys(PUBLIC_ROUTES);
