import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CHECK_IN_EXPORT_HEADERS,
  CYCLE_EXPORT_HEADERS,
  cycleCheckInRows,
  cycleExportRows,
  toCsv,
  toXlsx,
} from '../../services/imports/cycle-export.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { templateQuery } from './schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Spreadsheet exports of one cycle: its tree (in the import template's columns) and its check-ins. */
export const cycleExportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/export', {
      schema: {
        tags: ['imports'],
        summary: "A cycle's objectives and key results with progress, scores and owners, as CSV or XLSX (re-importable)",
        params: idParam,
        querystring: templateQuery,
        response: { 200: z.any(), 404: problemSchema },
      },
      handler: async (request, reply) => {
        const rows = await cycleExportRows(ctx.db, actorOf(request), request.params.id);
        reply.header('content-disposition', `attachment; filename="cycle-${request.params.id}.${request.query.format}"`);
        if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(CYCLE_EXPORT_HEADERS, rows));
        return reply.type(XLSX).send(await toXlsx('OKRs', CYCLE_EXPORT_HEADERS, rows));
      },
    });

    app.get('/cycles/:id/check-ins/export', {
      schema: {
        tags: ['imports'],
        summary: "Every check-in of a cycle's key results as CSV, corrections and deletions included",
        params: idParam,
        response: { 200: z.any(), 404: problemSchema },
      },
      handler: async (request, reply) => {
        const rows = await cycleCheckInRows(ctx.db, actorOf(request), request.params.id);
        reply.header('content-disposition', `attachment; filename="check-ins-${request.params.id}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(toCsv(CHECK_IN_EXPORT_HEADERS, rows));
      },
    });
  };
