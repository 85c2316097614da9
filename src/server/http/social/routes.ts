import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';

/** Placeholder registered in ../routes.ts; filled in by the issue 5 work. */
export const socialRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
