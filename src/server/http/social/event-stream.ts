import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

/** Proxies drop connections that stay silent for about a minute; a comment line every 25 s keeps them open. */
const HEARTBEAT_MS = 25_000;

/**
 * GET /events: server-sent events telling open pages what to refetch. The caller hears their
 * organisation's check-ins, objective changes and comments, and their own notifications only.
 * Each message is `data: {"type": …, "entityId": …}`; the first, `{"type":"ready"}`, says the
 * subscription is live.
 */
export const eventStreamRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const streams = new Map<ServerResponse, () => void>();
    const heartbeat = setInterval(() => {
      for (const response of streams.keys()) response.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();
    // preClose, not onClose: the server waits for open responses before onClose hooks run, so a
    // stream left open would keep SIGTERM from ever finishing.
    app.addHook('preClose', async () => {
      clearInterval(heartbeat);
      for (const end of [...streams.values()]) end();
    });

    app.get('/events', {
      schema: {
        tags: ['live'],
        summary: 'Server-sent events (text/event-stream): what changed in my organisation, so open pages refetch',
        produces: ['text/event-stream'],
        response: { 401: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        reply.hijack();
        const response = reply.raw;
        response.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const send = (data: object) => response.write(`data: ${JSON.stringify(data)}\n\n`);
        const unsubscribe = ctx.events.subscribe(actor.orgId, (event) => {
          if (event.type === 'notification' && event.userId !== actor.userId) return;
          send({ type: event.type, entityId: event.entityId ?? null });
        });
        const end = () => {
          if (!streams.delete(response)) return;
          ctx.metrics.sseConnections.dec();
          unsubscribe();
          response.end();
        };
        streams.set(response, end);
        ctx.metrics.sseConnections.inc();
        response.on('close', end);
        response.write('retry: 5000\n\n');
        send({ type: 'ready' });
      },
    });
  };
