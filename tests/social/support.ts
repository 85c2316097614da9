/**
 * Support for the social suites: an organisation with a team, a colleague and an objective to talk
 * about, typed request helpers, and a reader for the live event stream.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { organizations } from '../../src/db/schema/index.js';
import { createAccount } from '../../src/server/services/create-account.js';
import { createToken } from '../../src/server/services/tokens.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { EventBus } from '../../src/server/events/bus.js';
import type { z } from 'zod';
import type { commentView, notificationPage, notificationView } from '../../src/server/http/social/schema.js';
import { Client } from '../support/client.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/server.js';
import { addPerson, createTeam, expectStatus, PASSWORD, uniqueEmail, type Person } from '../support/fixtures.js';
import { API, percent, setUpOkrWorld, type KeyResultView, type ObjectiveView, type OkrWorld } from '../okrs/support.js';

export interface SocialWorld extends OkrWorld {
  team: { id: string; name: string };
  grace: Person;
  objective: ObjectiveView;
  kr: KeyResultView;
}

/** The owner (Olivia) owns "Delight customers" (team Support) with one 0→100 key result; Grace is in Support. */
export async function setUpSocialWorld(url: string): Promise<SocialWorld> {
  const world = await setUpOkrWorld(url);
  const team = await createTeam(world.owner.client, { name: 'Support' });
  const grace = await addPerson(world.owner.client, { name: 'Grace Hopper', teamId: team.id });
  const objective = await world.api.createPublished({ cycleId: world.cycle.id, title: 'Delight customers', teamId: team.id });
  const kr = await world.api.createKeyResult(objective.id, percent('Delight customers KR'));
  return { ...world, team, grace, objective, kr };
}

/** The whole app on `handle` with its own event bus (two of them play two processes on one database). */
export const startServerWith = (handle: DatabaseHandle, events: EventBus): Promise<TestServer> => startTestServer(handle, { events });

/** Another organisation on the same server (first-run setup allows only one), acting through an API token. */
export async function otherOrganization(db: Database, url: string): Promise<{ client: Client; user: { id: string; name: string } }> {
  const { org, owner } = await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: 'Globex' }).returning();
    const owner = await createAccount(tx, {
      orgId: org!.id,
      name: 'Ivan Outsider',
      email: uniqueEmail('outsider'),
      password: PASSWORD,
      role: 'owner',
    });
    return { org: org!, owner };
  });
  const { token } = await createToken(db, { orgId: org.id, actorId: owner.id }, { name: 'outsider' });
  return { client: new Client(url, token), user: { id: owner.id, name: owner.name } };
}

export const mention = (person: { user: { id: string; name: string } }) => `@[${person.user.name}](${person.user.id})`;

export async function comment(
  client: Client,
  body: { targetType: 'objective' | 'key_result' | 'check_in'; targetId: string; body: string },
) {
  const response = await client.post(`${API}/comments`, body);
  expectStatus(response, 201);
  return response.body as CommentView;
}

export type CommentView = z.output<typeof commentView>;
export type NotificationView = z.output<typeof notificationView>;
export type NotificationPage = z.output<typeof notificationPage>;

export async function notificationsOf(client: Client): Promise<NotificationPage> {
  const response = await client.get(`${API}/notifications`);
  expectStatus(response, 200);
  return response.body;
}

export interface LiveMessage {
  type: string;
  entityId: string | null;
}

/** An open `GET /events` stream read like a browser would, with a wait for the message you expect. */
export interface LiveStream {
  messages: LiveMessage[];
  next(match: (m: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openLiveStream(client: Client): Promise<LiveStream> {
  const abort = new AbortController();
  const response = await fetch(new URL(`${API}/events`, client.baseUrl), {
    headers: {
      ...(client.token ? { authorization: `Bearer ${client.token}` } : { cookie: client.cookieHeader }),
      accept: 'text/event-stream',
    },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const messages: LiveMessage[] = [];
  let wake = () => {};
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const line of blocks.flatMap((b) => b.split('\n')).filter((l) => l.startsWith('data: ')))
          messages.push(JSON.parse(line.slice(6)) as LiveMessage);
        wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  const next = async (match: (m: LiveMessage) => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching live message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`);
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), new Promise((resolve) => setTimeout(resolve, 50))]);
    }
  };
  await next((m) => m.type === 'ready');
  return { messages, next, ended, close: () => abort.abort() };
}

/** The set-up every social suite shares: one server per engine, a fresh social world before each test. */
export function useSocialWorld(engine: () => { handle: DatabaseHandle; reset(): Promise<void> }, options: TestServerOptions = {}) {
  const held = { server: undefined as unknown as TestServer, w: undefined as unknown as SocialWorld };
  beforeAll(async () => {
    held.server = await startTestServer(engine().handle, options);
  });
  afterAll(() => held.server?.close());
  beforeEach(async () => {
    await engine().reset();
    held.w = await setUpSocialWorld(held.server.url);
  });
  return held;
}
