import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/database.js';
import type { Auth } from '../../auth/better-auth.js';
import type { LoginThrottle } from '../../auth/login-throttle.js';
import { AppError } from '../../errors.js';
import { problemFromAuthError } from './auth-problem.js';
import { allowedAuthBody } from './allowed.js';
import { auditSamlRefusal } from './saml-refusal-audit.js';
import { auditSignIn, auditSignOut, signingOut } from './sign-in-audit.js';

function toFetchRequest(request: FastifyRequest, origin: string, body: unknown): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && body !== undefined && body !== null;
  if (hasBody) headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Request(new URL(request.url, origin), {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(body) : undefined,
  });
}

function signInEmail(request: FastifyRequest): string | undefined {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : undefined;
}

/**
 * Better Auth is mounted as a catch-all that rebuilds a Fetch Request (Fastify has already read
 * the body). Only the allow-listed endpoints answer (see allowed.ts).
 */
export function mountAuth(app: FastifyInstance, auth: Auth, throttle: LoginThrottle, origin: string, db: Database): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = new URL(request.url, origin).pathname;
    const body = allowedAuthBody(request.method, path, request.body);
    const isSignIn = path === '/api/auth/sign-in/email';
    const email = isSignIn ? (signInEmail(request) ?? '') : '';
    if (isSignIn) {
      const wait = await throttle.retryAfter(email, request.ip);
      if (wait > 0) {
        throw new AppError('rate-limited', `Too many failed sign-ins from here. Try again in ${wait} seconds.`, [], wait);
      }
    }
    const fetchRequest = toFetchRequest(request, origin, body);
    const leaving = path === '/api/auth/sign-out' ? await signingOut(auth, fetchRequest.headers) : null;
    const response = await auth.handler(fetchRequest);
    if (isSignIn) {
      if (response.status === 401) await throttle.fail(email, request.ip);
      else if (response.ok) await throttle.succeed(email, request.ip);
      await auditSignIn(db, email, response.status, request.ip);
    }
    await auditSignOut(db, leaving, response.status, request);
    await auditSamlRefusal(db, path, response);
    const cookies = response.headers.getSetCookie();
    // Errors as problem+json, like the rest of the API (none of them sets a cookie to pass on).
    if (response.status >= 400 && cookies.length === 0 && /json/.test(response.headers.get('content-type') ?? '')) {
      throw problemFromAuthError(response.status, (await response.json().catch(() => ({}))) as { code?: string; message?: string });
    }
    reply.status(response.status);
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
    });
    if (cookies.length > 0) reply.header('set-cookie', cookies);
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  };
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', schema: { hide: true }, handler });
  // SAML's HTTP-POST binding: the IdP's page posts the response as an HTML form, parsed here only.
  void app.register(async (acs) => {
    acs.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 524_288 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    acs.post('/api/auth/sso/saml2/sp/acs/:providerId', { schema: { hide: true } }, handler);
  });
}
