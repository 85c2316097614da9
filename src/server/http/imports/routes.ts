import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid, tooLarge } from '../../errors.js';
import { todayIn } from '../../clock.js';
import { authorizeImport } from '../../policies/imports.js';
import { applySpreadsheetImport, MAX_IMPORT_BYTES, previewSpreadsheetImport } from '../../services/imports/import-spreadsheet.js';
import { templateCsv, templateXlsx } from '../../services/imports/template.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';
import { importFields, importPreviewSchema, organizationImportSchema, templateQuery } from './schema.js';
import { cycleExportRoutes } from './export-routes.js';
import { organizationExportRoutes } from './organization-export-routes.js';
import { importOrganization } from '../../services/exports/import-organization.js';
import { looksLikeJson } from '../../services/exports/read-document.js';

const JSON_FIELDS = new Set(['mapping', 'ownerMapping']);

/** Reads the multipart request: the one `file` and the text fields, refusing a file over the limit (413). */
async function readUpload(request: FastifyRequest) {
  let file: Buffer | undefined;
  const fields: Record<string, unknown> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid(part.fieldname, 'Send the spreadsheet in the field named "file".');
        file = await part.toBuffer();
      } else if (JSON_FIELDS.has(part.fieldname)) {
        try {
          fields[part.fieldname] = JSON.parse(String(part.value));
        } catch {
          throw invalid(part.fieldname, 'Must be a JSON object.');
        }
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw tooLarge(
        'file',
        `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB: split it, or remove columns Cairn does not read.`,
      );
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw invalid('file', 'Send the file as multipart/form-data.');
    throw error;
  }
  if (!file || file.length === 0) throw invalid('file', 'Attach a CSV or XLSX file in the field "file".');
  const parsed = importFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('validation-failed', issue.message, [{ field: issue.path.join('.') || 'body', message: issue.message }]);
  }
  return { file, fields: parsed.data };
}

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Multipart only here: every other route keeps taking JSON alone.
    await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 100_000 } });
    await app.register(cycleExportRoutes(ctx));
    await app.register(organizationExportRoutes(ctx));

    app.post('/imports', {
      schema: {
        tags: ['imports'],
        summary:
          'Import OKRs from a CSV or XLSX file (template or Viva Goals export): a dry run (dryRun=true, the default) previews, dryRun=false applies',
        description:
          'A JSON organisation export (GET /exports/organization) in `file` is imported into this organisation, which must be empty (only its first person); `dryRun` works the same. Otherwise multipart/form-data with `file` and the text fields `dryRun`, `source`, `mapping` (JSON: header → column or null), `ownerMapping` (JSON: e-mail → e-mail) and `inviteUnknownOwners`. Applying a file with row errors is refused (422) and writes nothing.',
        consumes: ['multipart/form-data'],
        response: {
          200: z.union([importPreviewSchema, organizationImportSchema]),
          201: z.union([importPreviewSchema, organizationImportSchema]),
          409: problemSchema,
          413: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        authorizeImport(actor);
        const { file, fields } = await readUpload(request);
        if (looksLikeJson(file)) {
          const result = await importOrganization(ctx, actor, file, { dryRun: fields.dryRun === 'true' });
          return reply.status(result.dryRun ? 200 : 201).send(result);
        }
        const options = {
          source: fields.source,
          mapping: fields.mapping,
          ownerMapping: fields.ownerMapping,
          inviteUnknownOwners: fields.inviteUnknownOwners !== 'false',
        };
        if (fields.dryRun === 'true') return { dryRun: true, ...(await previewSpreadsheetImport(ctx, actor, file, options)) };
        return reply.status(201).send({ dryRun: false, ...(await applySpreadsheetImport(ctx, actor, file, options)) });
      },
    });

    app.get('/imports/template', {
      schema: {
        tags: ['imports'],
        summary: 'The import template (CSV or XLSX) with example rows in the current quarter',
        querystring: templateQuery,
        response: { 200: z.any() },
      },
      handler: async (request, reply) => {
        const today = todayIn('UTC', ctx.clock());
        reply.header('content-disposition', `attachment; filename="cairn-okr-template.${request.query.format}"`);
        if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(templateCsv(today));
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await templateXlsx(today));
      },
    });
  };
