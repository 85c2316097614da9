import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { resolveActor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { cairnMcpServer } from './server.js';

const CHALLENGE = 'Bearer realm="cairn-mcp", error="invalid_token", scope="read write:check-ins write:okrs"';

function refuseUnauthenticated(reply: FastifyReply): never {
  reply.header('www-authenticate', CHALLENGE);
  throw new AppError('unauthenticated', 'Send a personal API token (Profile → API tokens) as "Authorization: Bearer <token>".');
}

/**
 * The Model Context Protocol endpoint (issue 20): streamable HTTP, stateless — a fresh server and transport
 * for each POST, so any process of a PostgreSQL deployment can answer. Personal tokens only: an assistant acts
 * as one person, within the scopes that person gave it (a session cookie or a service token is not enough).
 */
export const mcpRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/mcp', { schema: { hide: true } }, async (request, reply) => {
      if (!request.headers.authorization?.toLowerCase().startsWith('bearer ')) refuseUnauthenticated(reply);
      const actor = await resolveActor(ctx.db, ctx.auth, request);
      if (!actor?.token || actor.token.kind !== 'personal') refuseUnauthenticated(reply);
      const server = cairnMcpServer(ctx, actor, request.log);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      // From here the transport writes the raw response; Fastify must not answer too.
      reply.hijack();
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      try {
        await server.connect(transport);
        // Fastify has already read and parsed the body: hand it over, the stream is empty now.
        await transport.handleRequest(request.raw, reply.raw, request.body);
      } catch (error) {
        request.log.error({ err: error }, 'MCP request failed');
        if (!reply.raw.headersSent) {
          reply.raw.writeHead(500, { 'content-type': 'application/json' });
          reply.raw.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null }));
        }
      }
    });

    // Stateless: no server-sent event stream to open and no session to end.
    app.route({
      method: ['GET', 'DELETE'],
      url: '/mcp',
      schema: { hide: true },
      handler: async (_request, reply) =>
        reply
          .status(405)
          .header('allow', 'POST')
          .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless, POST only.' }, id: null }),
    });
  };
