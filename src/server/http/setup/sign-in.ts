import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from '../../auth/better-auth.js';

/** Signs a just-created person in through Better Auth and hands its session cookie to the browser. */
export async function signInAfterCreate(auth: Auth, request: FastifyRequest, reply: FastifyReply, email: string, password: string) {
  const headers = new Headers();
  for (const name of ['user-agent', 'x-forwarded-for', 'origin', 'host']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const response = await auth.api.signInEmail({ body: { email, password }, headers, asResponse: true });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}
