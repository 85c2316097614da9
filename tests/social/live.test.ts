import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { startTestServer } from '../support/server.js';
import { API, OkrApi } from '../okrs/support.js';
import { createLocalBus, type LiveEvent } from '../../src/server/events/bus.js';
import { writeAndAnnounce } from '../../src/server/services/announce.js';
import { activities } from '../../src/db/schema/index.js';
import { comment, mention, openLiveStream, otherOrganization, useSocialWorld, type LiveMessage } from './support.js';

const is = (type: string, entityId?: string) => (m: LiveMessage) => m.type === type && (entityId === undefined || m.entityId === entityId);

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

  it('a check-in that notifies nobody sends no notification event; a refused one announces nothing', async () => {
    const ownerStream = await openLiveStream(t.w.owner.client);
    const graceStream = await openLiveStream(t.w.grace.client);
    try {
      // Refused inside the service's transaction (dated before the cycle): nothing is announced.
      expectStatus(await t.w.grace.client.post(`${API}/key-results/${t.w.kr.id}/check-ins`, { value: 10, asOf: '2024-12-31' }), 422);
      await new OkrApi(t.w.grace.client).checkIn(t.w.kr.id, { value: 10 });
      await ownerStream.next(is('check_in', t.w.kr.id));
      // Events arrive in the order they were published: once this one is here, the check-in's are too.
      await t.w.api.patchObjective(t.w.objective.id, { title: 'Delight every customer' });
      await ownerStream.next(is('objective', t.w.objective.id));
      await graceStream.next(is('objective', t.w.objective.id));
      expect(ownerStream.messages.filter(is('check_in'))).toHaveLength(1);
      expect(ownerStream.messages.filter(is('notification'))).toEqual([]);
      expect(graceStream.messages.filter(is('notification'))).toEqual([]);
    } finally {
      for (const stream of [ownerStream, graceStream]) stream.close();
    }
  });

  it('writeAndAnnounce publishes nothing for a write that rolls back', async () => {
    const events = createLocalBus();
    const heard: LiveEvent[] = [];
    events.subscribe(t.w.orgId, (event) => heard.push(event));
    const failing = writeAndAnnounce({ db: engine().db, events }, t.w.orgId, async (tx, announce) => {
      await tx
        .insert(activities)
        .values({ orgId: t.w.orgId, action: 'test.rolled-back', entityType: 'objective', entityId: t.w.objective.id });
      announce.changed('objective', t.w.objective.id, t.w.objective.id);
      announce.notified(t.w.grace.user.id);
      throw new Error('refused after announcing');
    });
    await expect(failing).rejects.toThrow('refused after announcing');
    expect(heard).toEqual([]);
    await writeAndAnnounce({ db: engine().db, events }, t.w.orgId, async (_tx, announce) =>
      announce.changed('objective', t.w.objective.id),
    );
    expect(heard).toEqual([{ orgId: t.w.orgId, type: 'objective', entityId: t.w.objective.id, objectiveId: undefined }]);
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
