import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QUALITY_RULES, checkQuality, describePrinciples, ruleSetting, teamQualityScore } from '../../../domain/quality/index.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { findObjectives } from '../../services/okrs/find-objectives.js';
import { cycleQualityContext, draftOfObjective } from '../../services/quality/objective-draft.js';
import { loadPrinciples, savePrinciples } from '../../services/quality/principles.js';
import { findTeam } from '../../services/teams.js';
import { bestRelatedLesson } from '../../services/lessons/related-lesson.js';
import { actorOf, type AppContext } from '../context.js';
import { notFound } from '../../errors.js';
import { idParam, problemSchema } from '../schemas.js';
import { organizationToday } from '../../services/okrs/organization-today.js';
import { draftSchema, guidingPrinciplesSchema, principlesSchema, reportSchema } from './schema.js';

export const qualityRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const guidingPrinciples = async (orgId: string) => {
      const { resolved } = await loadPrinciples(ctx.db, orgId);
      return {
        rules: QUALITY_RULES.map((r) => ({
          id: r.id,
          title: r.title,
          defaultSeverity: r.defaultSeverity,
          setting: ruleSetting(r, resolved),
          why: r.why,
          weakExample: r.weakExample,
          strongExample: r.strongExample,
        })),
        principles: { ...resolved, rules: { ...resolved.rules } },
        description: describePrinciples(resolved),
      };
    };

    app.get('/quality/rules', {
      schema: {
        tags: ['quality'],
        summary: "The organisation's guiding principles: every rule with its setting, why it matters and examples",
        response: { 200: guidingPrinciplesSchema },
      },
      handler: async (request) => guidingPrinciples(actorOf(request).orgId),
    });

    app.put('/organization/principles', {
      schema: {
        tags: ['quality'],
        summary: 'Set the guiding principles: each rule to block, warn, tip or off, and the limits (owner/admin/champion)',
        body: principlesSchema,
        response: { 200: guidingPrinciplesSchema, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await savePrinciples(ctx.db, actor, request.body);
        return guidingPrinciples(actor.orgId);
      },
    });

    app.post('/quality/check', {
      schema: {
        tags: ['quality'],
        summary: 'Check a draft objective against the guiding principles without saving it',
        body: draftSchema,
        response: { 200: reportSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        const { cycleId, ...draft } = request.body;
        const context = cycleId ? await cycleQualityContext(ctx.db, orgId, cycleId, { ownerId: draft.ownerId, type: draft.type }) : {};
        const relatedLesson = await bestRelatedLesson(ctx.db, actorOf(request), draft);
        return checkQuality(
          draft,
          { ...context, asOf: await organizationToday(ctx.db, orgId, ctx.clock()), relatedLesson },
          (await loadPrinciples(ctx.db, orgId)).resolved,
        );
      },
    });

    app.get('/objectives/:id/quality', {
      schema: {
        tags: ['quality'],
        summary: 'How a saved objective measures up to the guiding principles',
        params: idParam,
        response: { 200: reportSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        const { draft, context } = await draftOfObjective(
          ctx.db,
          await requireVisibleObjective(ctx.db, actorOf(request), request.params.id),
          await organizationToday(ctx.db, orgId, ctx.clock()),
        );
        // Only a draft is pointed at lessons (see the related-lesson rule): no search for running objectives.
        const relatedLesson = draft.status === 'draft' ? await bestRelatedLesson(ctx.db, actorOf(request), draft) : undefined;
        return checkQuality(draft, { ...context, relatedLesson }, (await loadPrinciples(ctx.db, orgId)).resolved);
      },
    });

    app.get('/teams/:id/quality', {
      schema: {
        tags: ['quality'],
        summary: "A team's OKR quality in a cycle: the mean score of its objectives",
        params: idParam,
        querystring: z.object({ cycleId: z.uuid() }),
        response: {
          200: z.object({
            score: z.number(),
            objectives: z.array(z.object({ id: z.string(), title: z.string(), score: z.number(), blocking: z.boolean() })),
          }),
          404: problemSchema,
        },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        if (!(await findTeam(ctx.db, orgId, request.params.id))) throw notFound('The team');
        const today = await organizationToday(ctx.db, orgId, ctx.clock());
        const { resolved } = await loadPrinciples(ctx.db, orgId);
        const rows = await findObjectives(ctx.db, actorOf(request), { teamId: request.params.id, cycleId: request.query.cycleId });
        const objectives = [];
        for (const row of rows) {
          const { draft, context } = await draftOfObjective(ctx.db, row, today);
          const report = checkQuality(draft, context, resolved);
          objectives.push({ id: row.id, title: row.title, score: report.score, blocking: report.blocking });
        }
        return { score: teamQualityScore(objectives.map((o) => o.score)), objectives };
      },
    });
  };
