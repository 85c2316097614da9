import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { apiNotFound } from '../error-handler.js';
import { routeHints } from './route-hints.js';

/** Vite fingerprints everything under assets/: a new build gets new names, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser must ask again (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

function cachePolicy(reply: FastifyReply, path: string) {
  reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : REVALIDATE);
}

/**
 * Serves the built React app from `webRoot`, with the brotli and gzip copies written at build time
 * (`x.br`, `x.gz`) when the browser accepts them. Any non-API path falls back to index.html for
 * client-side routes.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
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
  const sendApp = (path: string, reply: FastifyReply) => {
    if (!hasWeb) return reply.type('text/plain').send('The web app is not built. Run `npm run build`.');
    const html = hinted(path);
    if (html === undefined) return reply.type('text/html').sendFile('index.html');
    return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(html);
  };
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendApp('/', reply));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/')) throw apiNotFound(path);
    return sendApp(path, reply);
  });
}
