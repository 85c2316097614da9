import { isValidSlackRequest } from '@slack/bolt';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { slackCredentials } from '../../services/slack/installation.js';
import { parseSlackBody } from './parse-body.js';
import { SlackApps } from './slack-apps.js';

const refused = () => new AppError('unauthenticated', 'The Slack signature is missing, does not match, or is more than 5 minutes old.');
// Bolt refuses old timestamps; a timestamp far in the future is as suspect.
const MAX_SKEW_SECONDS = 5 * 60;
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * POST /slack/:orgId/events — slash commands and interactivity from an organisation's Slack app. Every
 * request must carry Slack's signature (`v0=` HMAC-SHA256 of `v0:timestamp:raw body` with the signing
 * secret) made within 5 minutes; anything else is 401 before the body is even parsed.
 */
export const slackEventRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The signature covers the exact bytes Slack sent: keep them, parse only after verifying.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    const apps = new SlackApps(ctx);

    app.post('/slack/:orgId/events', {
      schema: { hide: true, params: z.object({ orgId: z.string() }) },
      handler: async (request, reply) => {
        const { orgId } = request.params;
        const raw = typeof request.body === 'string' ? request.body : '';
        const signature = header(request.headers['x-slack-signature']);
        const timestamp = Number(header(request.headers['x-slack-request-timestamp']));
        if (!signature || !Number.isFinite(timestamp) || !/^[0-9a-f-]{36}$/i.test(orgId)) throw refused();
        if (Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_SECONDS) throw refused();
        const credentials = await slackCredentials(ctx.db, orgId);
        if (!credentials) throw refused();
        const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
        if (!isValidSlackRequest({ signingSecret: credentials.signingSecret, body: raw, headers })) throw refused();
        const body = parseSlackBody(raw, request.headers['content-type']);
        if (!body) throw invalid('payload', 'The request body is not a Slack command or interaction.');
        if (body.type === 'url_verification') return { challenge: body.challenge };
        const retryNum = Number(header(request.headers['x-slack-retry-num'])) || undefined;
        const answer = await apps
          .receiverFor(orgId, credentials.botToken)
          .dispatch(body, retryNum, header(request.headers['x-slack-retry-reason']));
        reply.code(answer.status);
        return answer.body;
      },
    });
  };
