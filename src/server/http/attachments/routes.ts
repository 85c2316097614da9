import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAttachments } from '../../services/attachments/attachment-reads.js';
import type { AttachmentTarget } from '../../services/attachments/attachment-target.js';
import { addFile, fileUsage, readFile, removeFile } from '../../services/attachments/files.js';
import { addLink, removeLink } from '../../services/attachments/links.js';
import { actorOf, type AppContext } from '../context.js';
import { attachmentDisposition, presentFile, presentLink } from '../presenters/attachments.js';
import { idParam, problemSchema } from '../schemas.js';
import { readFileUpload } from './upload.js';
import { attachmentsView, fileUsageView, fileView, linkBody, linkView } from './schema.js';

const errors = { 403: problemSchema, 404: problemSchema, 422: problemSchema };
const PARENTS = [
  { path: 'objectives', noun: 'an objective', target: (id: string): AttachmentTarget => ({ objectiveId: id }) },
  { path: 'key-results', noun: 'a key result', target: (id: string): AttachmentTarget => ({ keyResultId: id }) },
] as const;

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const maxBytes = ctx.config.maxFileBytes;
    // Multipart only here (and in imports): every other route keeps taking JSON alone.
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 2, fieldSize: 1000 } });

    for (const parent of PARENTS) {
      app.get(`/${parent.path}/:id/attachments`, {
        schema: {
          tags: ['attachments'],
          summary: `The links and files on ${parent.noun}`,
          params: idParam,
          response: { 200: attachmentsView, 404: problemSchema },
        },
        handler: async (request) => {
          const { can, links, files } = await listAttachments(ctx.db, actorOf(request), parent.target(request.params.id));
          return { can, links: links.map(presentLink), files: files.map(presentFile) };
        },
      });

      app.post(`/${parent.path}/:id/links`, {
        schema: {
          tags: ['attachments'],
          summary: `Add a link (http or https) to ${parent.noun}`,
          params: idParam,
          body: linkBody,
          response: { 201: linkView, ...errors },
        },
        handler: async (request, reply) => {
          const link = await addLink(ctx, actorOf(request), parent.target(request.params.id), request.body);
          return reply.status(201).send(presentLink({ ...link, addedBy: actorOf(request).name, canRemove: true }));
        },
      });

      app.post(`/${parent.path}/:id/files`, {
        schema: {
          tags: ['attachments'],
          summary: `Attach a file to ${parent.noun}: multipart/form-data with \`file\` (and \`name\` to rename it); over the limit → 413`,
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: fileView, 413: problemSchema, ...errors },
        },
        handler: async (request, reply) => {
          const actor = actorOf(request);
          const upload = await readFileUpload(request, maxBytes);
          const file = await addFile(ctx, actor, parent.target(request.params.id), upload, maxBytes);
          return reply.status(201).send(presentFile({ ...file, addedBy: actor.name, canRemove: true }));
        },
      });
    }

    app.get('/files/:id/download', {
      schema: {
        tags: ['attachments'],
        summary: 'Download a file: always as an attachment, with its stored content type and nosniff, never rendered inline',
        params: idParam,
        response: { 200: z.any(), 404: problemSchema },
      },
      handler: async (request, reply) => {
        const file = await readFile(ctx.db, actorOf(request), request.params.id);
        return reply
          .header('content-disposition', attachmentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-cache')
          .type(file.contentType)
          .send(file.content);
      },
    });

    app.delete('/links/:id', {
      schema: {
        tags: ['attachments'],
        summary: 'Remove a link',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await removeLink(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.delete('/files/:id', {
      schema: {
        tags: ['attachments'],
        summary: 'Remove a file',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await removeFile(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/organization/file-usage', {
      schema: {
        tags: ['attachments'],
        summary: "The organisation's stored files and their total size (admins)",
        response: { 200: fileUsageView, 403: problemSchema },
      },
      handler: async (request) => ({ ...(await fileUsage(ctx.db, actorOf(request))), maxFileBytes: maxBytes }),
    });
  };
