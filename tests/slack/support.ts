/**
 * The Slack side of the Slack app tests: a real local HTTP server standing in for Slack's Web API
 * (it records every call, as Slack would receive it) and requests signed exactly as Slack signs them.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface SlackCall {
  method: string;
  authorization: string | undefined;
  args: Record<string, unknown>;
}

export interface SlackApiServer {
  url: string;
  calls: SlackCall[];
  close(): Promise<void>;
}

/** The Web API client posts form fields (objects JSON-encoded) or JSON; both are read back into args. */
function readArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      args[key] = value.startsWith('{') || value.startsWith('[') ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

/** Answers every method with `ok: true` (and what views.open / chat.postMessage return) and records it. */
export async function startSlackApiServer(): Promise<SlackApiServer> {
  const calls: SlackCall[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
      const args = readArgs(raw, request.headers['content-type']);
      calls.push({ method, authorization: request.headers.authorization, args });
      const extra =
        method === 'views.open' ? { view: { id: 'V0001' } } : method === 'chat.postMessage' ? { channel: args.channel, ts: '1.0001' } : {};
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, ...extra }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/api/`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Slack's signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export const slackSignature = (secret: string, timestamp: number, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; Slack's own clock (now) unless a test ages it. */
  timestamp?: number;
  unsigned?: boolean;
}

/** POSTs a form body to Cairn's Slack request URL, signed as Slack signs it. */
export async function postToSlackEndpoint(url: string, form: Record<string, string>, secret: string, options: SignOptions = {}) {
  const body = new URLSearchParams(form).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(options.secret ?? secret, timestamp, body);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

/** A slash command as Slack sends it (form fields). */
export const slashCommand = (slackUserId: string, text: string) => ({
  token: 'legacy-verification-token',
  team_id: 'T0001',
  team_domain: 'acme',
  channel_id: 'D0001',
  channel_name: 'directmessage',
  user_id: slackUserId,
  user_name: 'max',
  command: '/cairn',
  text,
  api_app_id: 'A0001',
  response_url: 'https://hooks.slack.test/commands/1',
  trigger_id: 'trigger-command',
});

/** A click on a Check in button (block_actions), as the form field `payload`. */
export const checkInClick = (slackUserId: string, keyResultId: string, triggerId: string) => ({
  payload: JSON.stringify({
    type: 'block_actions',
    team: { id: 'T0001', domain: 'acme' },
    user: { id: slackUserId, username: 'max', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1.0001', channel_id: 'D0001', is_ephemeral: false },
    trigger_id: triggerId,
    channel: { id: 'D0001', name: 'directmessage' },
    response_url: 'https://hooks.slack.test/actions/1',
    actions: [
      {
        type: 'button',
        action_id: 'cairn_check_in',
        block_id: `kr-${keyResultId}`,
        value: keyResultId,
        text: { type: 'plain_text', text: 'Check in' },
        action_ts: '1.0002',
      },
    ],
  }),
});

/** The modal's submission (view_submission) with the given state values. */
export const checkInSubmission = (slackUserId: string, keyResultId: string, values: Record<string, Record<string, unknown>>) => ({
  payload: JSON.stringify({
    type: 'view_submission',
    team: { id: 'T0001', domain: 'acme' },
    user: { id: slackUserId, username: 'max', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: 'trigger-submit',
    view: {
      id: 'V0001',
      type: 'modal',
      callback_id: 'cairn_check_in_modal',
      private_metadata: keyResultId,
      team_id: 'T0001',
      app_id: 'A0001',
      bot_id: 'B0001',
      hash: '1.abc',
      state: { values: Object.fromEntries(Object.entries(values).map(([block, element]) => [block, { [block]: element }])) },
    },
  }),
});
