import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeExport } from '../../policies/imports.js';
import { exportOrganization } from '../../services/exports/export-organization.js';
import { organizationExportJsonSchema } from '../../services/exports/json-schema.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

/** The lossless JSON export of the whole organisation, streamed as it is read, and its JSON Schema. */
export const organizationExportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/exports/organization', {
      schema: {
        tags: ['imports'],
        summary: 'The whole organisation as one JSON document (streamed; import it into an empty organisation with POST /imports)',
        response: { 200: z.any(), 403: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        authorizeExport(actor);
        const stream = new PassThrough();
        // A reader that goes away ends the export (and its snapshot) instead of leaving it waiting for 'drain'.
        reply.raw.on('close', () => stream.destroy());
        const write = async (chunk: string) => {
          if (stream.destroyed) throw new Error('The client stopped reading the export.');
          if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
        };
        exportOrganization(ctx, actor, write, ctx.clock()).then(
          () => stream.end(),
          (error: unknown) => {
            request.log.error({ err: error }, 'organization export failed');
            stream.destroy(error as Error);
          },
        );
        const day = ctx.clock().toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="cairn-organization-${day}.json"`);
        return reply.type('application/json; charset=utf-8').send(stream);
      },
    });

    app.get('/exports/organization/schema', {
      schema: {
        tags: ['imports'],
        summary: 'The JSON Schema (draft 2020-12) of the organisation export this version writes and reads',
        response: { 200: z.any() },
      },
      handler: async (_request, reply) => reply.type('application/schema+json').send(await organizationExportJsonSchema(ctx.db)),
    });
  };
