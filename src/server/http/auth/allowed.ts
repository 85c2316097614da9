import { z } from 'zod';
import { PASSWORD_MAX } from '../../auth/password-rules.js';
import { AppError, invalidFields } from '../../errors.js';

/**
 * The Better Auth endpoints Cairn uses, and nothing else: the web app signs in and out, and the API
 * resolves sessions. Everything else Better Auth offers (sign-up, update-user, change-password,
 * verify-password, …) bypasses Cairn's rules, limits and audit, so it is not reachable at all:
 * profiles and passwords change through /api/v1, where the services apply them.
 */
/** PostgreSQL cannot store U+0000 in text, so it is refused here rather than failing in the database. */
const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !value.includes('\u0000'), 'Remove the NUL character (U+0000).');

const ALLOWED = {
  'POST /api/auth/sign-in/email': z.object({
    email: text(254),
    password: text(PASSWORD_MAX),
    rememberMe: z.boolean().optional(),
  }),
  'POST /api/auth/sign-out': z.object({}).nullish(),
  'GET /api/auth/get-session': z.undefined().or(z.null()),
  // Single sign-on starts here; where it returns to is fixed, so the endpoint is no open redirect.
  'POST /api/auth/sign-in/sso': z
    .object({ providerId: text(200) })
    .transform(({ providerId }) => ({ providerId, callbackURL: '/', errorURL: '/sign-in' })),
  // SAML: Cairn's service-provider metadata, for the IdP's admin to import.
  'GET /api/auth/sso/saml2/sp/metadata': z.undefined().or(z.null()),
} as const;

/** The identity provider sends the browser back here (Better Auth's OIDC callback). */
const SSO_CALLBACK = /^\/api\/auth\/sso\/callback\/[A-Za-z0-9-]{1,100}$/;

/** The identity provider posts its SAML response here (HTTP-POST binding; Better Auth's ACS). */
export const SAML_ACS = /^\/api\/auth\/sso\/saml2\/sp\/acs\/([A-Za-z0-9-]{1,100})$/;
const samlResponse = z.object({
  SAMLResponse: z.string().min(1, 'The identity provider sent no SAMLResponse.').max(262_144),
  RelayState: z.string().max(8192).optional(),
});

type AllowedRoute = keyof typeof ALLOWED;

/**
 * Checks the route against the allow-list and returns the body to forward: only the fields Cairn's
 * schema knows, so nothing deeply nested or unexpected ever reaches Better Auth.
 */
export function allowedAuthBody(method: string, path: string, body: unknown): unknown {
  const route = `${method} ${path}`;
  if (method === 'GET' && SSO_CALLBACK.test(path)) return undefined;
  const schema = method === 'POST' && SAML_ACS.test(path) ? samlResponse : route in ALLOWED ? ALLOWED[route as AllowedRoute] : undefined;
  if (!schema)
    throw new AppError('not-found', `${path} is not available. Sign-up is by invitation; profiles and passwords change in /api/v1.`);
  const parsed = schema.safeParse(method === 'GET' ? undefined : body);
  if (!parsed.success)
    throw invalidFields(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })));
  return parsed.data;
}
