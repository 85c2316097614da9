import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, OkrApi } from '../okrs/support.js';
import { liveTypeOf } from '../../src/server/http/live-writes.js';
import { comment, mention, openLiveStream, otherOrganization, setUpSocialWorld, type LiveMessage, type SocialWorld } from './support.js';

const is = (type: string, entityId?: string) => (m: LiveMessage) => m.type === type && (entityId === undefined || m.entityId === entityId);

it('publishes for successful OKR writes only, never for reads or reactions', () => {
  expect(liveTypeOf('POST', '/api/v1/key-results/:id/check-ins')).toBe('check_in');
  expect(liveTypeOf('DELETE', '/api/v1/check-ins/:id')).toBe('check_in');
  expect(liveTypeOf('PATCH', '/api/v1/objectives/:id')).toBe('objective');
  expect(liveTypeOf('PUT', '/api/v1/key-results/:id/score-override')).toBe('objective');
  expect(liveTypeOf('GET', '/api/v1/objectives')).toBeNull();
  expect(liveTypeOf('PUT', '/api/v1/check-ins/:id/reactions/:emoji')).toBeNull();
  expect(liveTypeOf('POST', '/api/v1/teams')).toBeNull();
});

describeEachEngine('live updates over server-sent events', (engine) => {
  let server: TestServer;
  let w: SocialWorld;
  beforeAll(async () => (server = await startTestServer(engine().handle)));
  afterAll(() => server?.close());
  beforeEach(async () => {
    await engine().reset();
    w = await setUpSocialWorld(server.url);
  });

  it('tells the organisation of committed check-ins, objective changes and comments, and each person of their own notifications', async () => {
    expectProblem(await new Client(server.url).get(`${API}/events`), 401, '/problems/unauthenticated');
    const ownerStream = await openLiveStream(w.owner.client);
    const graceStream = await openLiveStream(w.grace.client);
    const outsider = await otherOrganization(engine().db, server.url);
    const outsiderStream = await openLiveStream(outsider.client);
    try {
      // A refused check-in commits nothing and publishes nothing.
      expectStatus(await w.grace.client.post(`${API}/key-results/${w.kr.id}/check-ins`, { value: 10, confidence: 11 }), 400);
      await new OkrApi(w.grace.client).checkIn(w.kr.id, { value: 10 });
      await ownerStream.next(is('check_in', w.kr.id));
      await graceStream.next(is('check_in', w.kr.id));
      expect(ownerStream.messages.filter(is('check_in'))).toHaveLength(1);

      await w.api.patchObjective(w.objective.id, { title: 'Delight every customer' });
      await graceStream.next(is('objective', w.objective.id));

      await comment(w.owner.client, { targetType: 'objective', targetId: w.objective.id, body: `${mention(w.grace)} well done` });
      await ownerStream.next(is('comment', w.objective.id));
      await graceStream.next(is('notification'));
      // Reaching the target notifies the owner; their page hears of the check-in and refreshes its bell with it.
      await new OkrApi(w.grace.client).checkIn(w.kr.id, { value: 100 });
      await ownerStream.next((m) => m.type === 'check_in' && ownerStream.messages.filter(is('check_in')).length === 2);
      const centre = await w.owner.client.get<{ items: { kind: string }[]; unread: number }>(`${API}/notifications`);
      expect(centre.body.items.map((n) => n.kind)).toContain('celebration');
      expect(outsiderStream.messages).toEqual([{ type: 'ready' }]);
    } finally {
      for (const stream of [ownerStream, graceStream, outsiderStream]) stream.close();
    }
  });

  it('ends open streams when the app closes, so shutdown does not wait on them', async () => {
    const own = await startTestServer(engine().handle);
    const signedIn = new Client(own.url);
    for (const [name, value] of w.owner.client.cookies) signedIn.cookies.set(name, value);
    const stream = await openLiveStream(signedIn);
    expect(stream.messages).toEqual([{ type: 'ready' }]);
    const started = Date.now();
    await own.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 10_000);
});
