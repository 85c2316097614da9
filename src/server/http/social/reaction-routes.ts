import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reactionSummaries, requireReactionTarget, setReaction, type ReactionTarget } from '../../services/social/reactions.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { emoji, reactionList } from './schema.js';

const TARGETS: { path: string; type: ReactionTarget; name: string }[] = [
  { path: 'comments', type: 'comment', name: 'a comment' },
  { path: 'check-ins', type: 'check_in', name: 'a check-in' },
];

/** PUT adds the caller's emoji, DELETE takes it back; both are idempotent and answer the target's reactions. */
export const reactionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const params = idParam.extend({ emoji });
    for (const { path, type, name } of TARGETS) {
      app.get(`/${path}/:id/reactions`, {
        schema: {
          tags: ['reactions'],
          summary: `Reactions on ${name}`,
          params: idParam,
          response: { 200: reactionList, 404: problemSchema },
        },
        handler: async (request) => {
          const actor = actorOf(request);
          await requireReactionTarget(ctx.db, actor, type, request.params.id);
          return (await reactionSummaries(ctx.db, type, [request.params.id], actor.userId)).get(request.params.id)!;
        },
      });

      for (const [method, on] of [
        ['put', true],
        ['delete', false],
      ] as const) {
        app.route({
          method,
          url: `/${path}/:id/reactions/:emoji`,
          schema: {
            tags: ['reactions'],
            summary: `${on ? 'React to' : 'Take back a reaction on'} ${name} (👍 🎉 ❤️ 👀 🙏, URL-encoded)`,
            params,
            response: { 200: reactionList, 400: problemSchema, 404: problemSchema },
          },
          handler: async (request) => {
            return setReaction(ctx, actorOf(request), type, request.params.id, request.params.emoji, on);
          },
        });
      }
    }
  };
