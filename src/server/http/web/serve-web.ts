import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { apiNotFound } from '../error-handler.js';
import { routeHints, wantsDefaultCycle, wantsObjective, type Visitor } from './route-hints.js';

/** Vite fingerprints everything under assets/: a new build gets new names, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser must ask again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

function cachePolicy(reply: FastifyReply, path: string) {
  reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : REVALIDATE);
}

/**
 * Whether a request carries a valid session (the app's own check, as /api/v1 makes it) and, when `defaultCycle` is
 * asked for, the cycle the signed-in visitor's tree opens on; when `objectiveId` is, that objective's heading if the
 * visitor may see it.
 */
export type SessionCheck = (
  request: FastifyRequest,
  wants: { defaultCycle: boolean; objectiveId?: string },
) => Promise<Pick<Visitor, 'signedIn' | 'defaultCycleId' | 'objective'>>;

/**
 * Serves the built React app from `webRoot`, with the brotli and gzip copies written at build time
 * (`x.br`, `x.gz`) when the browser accepts them. Any non-API path falls back to index.html for
 * client-side routes, with hints for the page at that path: its page's first answers too when `signedIn` finds a
 * valid session on the request (route-hints.ts), with the cycle the tree opens on when the page is the tree.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string, signedIn: SessionCheck): Promise<void> {
  const hasWeb = existsSync(webRoot);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      preCompressed: true,
      // `/` is answered below, like every client-side route, with the hints for its page.
      index: false,
      cacheControl: false,
      setHeaders: cachePolicy,
    });
  }
  const hinted = routeHints(webRoot);
  const sendApp = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!hasWeb) return reply.type('text/plain').send('The web app is not built. Run `npm run build`.');
    const [path, query = ''] = request.url.split('?');
    const params = new URLSearchParams(query);
    // Without a cookie there is no session to look up: a first visit costs no database read.
    const known =
      request.headers.cookie === undefined
        ? { signedIn: false }
        : await signedIn(request, { defaultCycle: wantsDefaultCycle(path!, params), objectiveId: wantsObjective(path!, params) });
    const visitor = { ...known, query: params };
    const html = hinted(path!, visitor);
    if (html === undefined) return reply.type('text/html').sendFile('index.html');
    // The hints differ for a signed-in visitor: a shared cache must not answer one with the other's page.
    return reply.header('cache-control', REVALIDATE).header('vary', 'cookie').type('text/html; charset=utf-8').send(html);
  };
  app.get('/', { schema: { hide: true } }, sendApp);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/')) throw apiNotFound(path);
    return sendApp(request, reply);
  });
}
