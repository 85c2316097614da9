import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/database.js';
import type { Config } from './config.js';
import { createAuth } from './auth/better-auth.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { mountAuth } from './http/auth/mount.js';
import { resolveAuthSecret } from './auth/secret.js';
import { ensureSetupCode } from './services/setup-code.js';
import { mailResetLink, recordPasswordReset, RESET_LINK_SECONDS } from './services/password-reset.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { systemClock, type Clock } from './clock.js';
import { createLocalBus, type EventBus } from './events/bus.js';
import type { AppContext } from './context.js';
import { installErrorHandling } from './http/error-handler.js';
import { apiRoutes, healthRoutes } from './http/routes.js';
import { applyRouteDefaults } from './http/route-defaults.js';
import { authenticate } from './http/authenticate.js';
import { sanitizeInput } from './http/sanitize-input.js';
import { databaseAnswers } from './http/health/database-answers.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { admitIntoQueue } from './http/pglite-admission.js';
import { AdmissionQueue } from '../db/admission-queue.js';
import { registerCompression } from './http/compression.js';
import { registerWeb } from './http/web/serve-web.js';
import { resolveActor } from './auth/actor.js';
import { defaultCycleId } from './services/okrs/cycles.js';
import { objectiveFirstScreen } from './services/okrs/first-screen.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { observeHttp } from './metrics/observe-http.js';
import { registerDatabaseGauges } from './metrics/database-gauges.js';
import { metricsRoutes } from './http/metrics/routes.js';
import { mcpRoutes } from './http/mcp/routes.js';
import { slackEventRoutes } from './http/slack/events-routes.js';
import { SCIM_BASE, scimRoutes } from './http/scim/scim-routes.js';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface AppOptions {
  handle: DatabaseHandle;
  config: Config;
  /** A stream lets a test read every log line (e.g. to prove none links a survey response to a person). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  mailer?: Mailer;
  clock?: Clock;
  /** Defaults to an in-process bus; the server engine bridges processes with LISTEN/NOTIFY. */
  events?: EventBus;
  /** Shared with the job ticker by `cairn serve`; a fresh set otherwise. */
  metrics?: Metrics;
}

/** Builds the whole HTTP app on an open, migrated database. Listening is the caller's job. */
export async function buildApp({
  handle,
  config,
  logger = { level: config.logLevel },
  mailer,
  clock = systemClock,
  events = createLocalBus(),
  metrics = createMetrics({ processFigures: Boolean(config.metricsToken) }),
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, trustProxy: config.trustProxy, bodyLimit: 1_048_576 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, () => databaseAnswers(handle));
  observeHttp(app, metrics);
  registerDatabaseGauges(metrics.registry, handle);
  handle.onHoldTime = (seconds) => metrics.databaseTime.observe({ engine: handle.kind }, seconds);
  // Before any route is registered: public routes are marked, problem responses are declared.
  app.addHook('onRoute', applyRouteDefaults);
  app.addHook('preValidation', sanitizeInput);
  // PGlite has one connection: bound the requests waiting for it (a server has a pool and its own limits).
  const queue = handle.kind === 'pglite' ? new AdmissionQueue(config.pgliteMaxQueue) : undefined;
  if (queue) app.addHook('onRequest', admitIntoQueue(queue));
  await registerSecurityHeaders(app, config.publicUrl);
  await registerCompression(app);

  const secret = await resolveAuthSecret(handle.db, config.secret);
  const setupCode = await ensureSetupCode(handle.db, config.setupToken);
  if (setupCode && !config.setupToken)
    app.log.warn(`No organisation yet. Open Cairn at ${config.publicUrl} and enter this one-time setup code: ${setupCode}`);
  const mail = mailer ?? createMailer(config.smtpUrl, config.mailFrom, (err) => app.log.warn({ err }, 'mail not sent'));
  const resetDeps = { db: handle.db, mailer: mail, publicUrl: config.publicUrl };
  const auth = createAuth({
    db: handle.db,
    secret,
    publicUrl: config.publicUrl,
    passwordReset: {
      expiresInSeconds: RESET_LINK_SECONDS,
      send: (userId, token) => mailResetLink(resetDeps, userId, token),
      done: (userId) => recordPasswordReset(handle.db, userId),
    },
  });
  const ctx: AppContext = {
    handle,
    db: handle.db,
    auth,
    config,
    clock,
    secret,
    events,
    metrics,
    mailer: mail,
  };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn API',
        version: '1',
        description:
          'OKRs, people and teams. Authenticate with a session cookie or `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'cairn.session_token' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(healthRoutes(ctx, queue));
  await app.register(metricsRoutes(metrics, config.metricsToken));
  await app.register(mcpRoutes(ctx));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  mountAuth(
    app,
    auth,
    new LoginThrottle(handle.db, config.loginMaxFailures, config.loginWindowSeconds * 1000),
    config.publicUrl,
    handle.db,
  );

  app.decorateRequest('actor', null);
  await app.register(
    async (api) => {
      // Registered before the routes so every route below inherits it.
      api.addHook('onRequest', authenticate(ctx));
      await api.register(apiRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  // Outside /api/v1: Slack signs its requests instead of sending a session or token.
  await app.register(slackEventRoutes(ctx));
  await app.register(scimRoutes(ctx), { prefix: SCIM_BASE });
  // index.html preloads a page's first answers only for a visitor with a valid session (route-hints.ts).
  await registerWeb(app, webRoot, async (request, wants) => {
    const actor = await resolveActor(ctx.db, ctx.auth, request);
    if (!actor) return { signedIn: false };
    return {
      signedIn: true,
      defaultCycleId: wants.defaultCycle ? await defaultCycleId(ctx.db, actor.orgId, clock()) : undefined,
      objective: wants.objectiveId ? await objectiveFirstScreen(ctx.db, actor, wants.objectiveId) : undefined,
    };
  });
  app.addHook('onClose', () => events.close());
  return app;
}
