import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { completeOnboardingStep, readMyOnboarding } from '../../services/onboarding/my-path.js';
import { problemSchema } from '../schemas.js';
import { actorOf, type AppContext } from '../context.js';
import { onboardingView, stepParam } from './schema.js';

/** The caller's own onboarding path: never another person's. */
export const onboardingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/onboarding', {
      schema: {
        tags: ['onboarding'],
        summary: 'My onboarding path: its steps in order with their content, and my progress',
        response: { 200: onboardingView },
      },
      handler: async (request) => readMyOnboarding(ctx.db, actorOf(request)),
    });

    app.post('/onboarding/steps/:step/complete', {
      schema: {
        tags: ['onboarding'],
        summary: 'Mark one step of my path done (the first check-in step completes by itself)',
        params: stepParam,
        response: { 200: onboardingView, 422: problemSchema },
      },
      handler: async (request) => completeOnboardingStep(ctx.db, actorOf(request), request.params.step),
    });
  };
