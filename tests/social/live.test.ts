import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { startTestServer } from '../support/server.js';
import { API, OkrApi } from '../okrs/support.js';
import { liveTypeOf } from '../../src/server/http/live-writes.js';
import { comment, mention, openLiveStream, otherOrganization, useSocialWorld, type LiveMessage } from './support.js';

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
  const t = useSocialWorld(engine);

  it('tells the organisation of committed check-ins, objective changes and comments, and each person of their own notifications', async () => {
    expectProblem(await new Client(t.server.url).get(`${API}/events`), 401, '/problems/unauthenticated');
    const ownerStream = await openLiveStream(t.w.owner.client);
    const graceStream = await openLiveStream(t.w.grace.client);
    const outsider = await otherOrganization(engine().db, t.server.url);
    const outsiderStream = await openLiveStream(outsider.client);
    try {
      // A refused check-in commits nothing and publishes nothing.
      expectStatus(await t.w.grace.client.post(`${API}/key-results/${t.w.kr.id}/check-ins`, { value: 10, confidence: 11 }), 400);
      await new OkrApi(t.w.grace.client).checkIn(t.w.kr.id, { value: 10 });
      await ownerStream.next(is('check_in', t.w.kr.id));
      await graceStream.next(is('check_in', t.w.kr.id));
      expect(ownerStream.messages.filter(is('check_in'))).toHaveLength(1);

      await t.w.api.patchObjective(t.w.objective.id, { title: 'Delight every customer' });
      await graceStream.next(is('objective', t.w.objective.id));

      await comment(t.w.owner.client, { targetType: 'objective', targetId: t.w.objective.id, body: `${mention(t.w.grace)} well done` });
      await ownerStream.next(is('comment', t.w.objective.id));
      await graceStream.next(is('notification'));
      // Reaching the target notifies the owner; their page hears of the check-in and refreshes its bell with it.
      await new OkrApi(t.w.grace.client).checkIn(t.w.kr.id, { value: 100 });
      await ownerStream.next((m) => m.type === 'check_in' && ownerStream.messages.filter(is('check_in')).length === 2);
      const centre = await t.w.owner.client.get<{ items: { kind: string }[]; unread: number }>(`${API}/notifications`);
      expect(centre.body.items.map((n) => n.kind)).toContain('celebration');
      expect(outsiderStream.messages).toEqual([{ type: 'ready' }]);
    } finally {
      for (const stream of [ownerStream, graceStream, outsiderStream]) stream.close();
    }
  });

  it('ends open streams when the app closes, so shutdown does not wait on them', async () => {
    const own = await startTestServer(engine().handle);
    const signedIn = new Client(own.url);
    for (const [name, value] of t.w.owner.client.cookies) signedIn.cookies.set(name, value);
    const stream = await openLiveStream(signedIn);
    expect(stream.messages).toEqual([{ type: 'ready' }]);
    const started = Date.now();
    await own.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 10_000);
});
