import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { notifications, outbox } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, MISSING_ID } from '../okrs/support.js';
import { comment, mention, notificationsOf, otherOrganization, useSocialWorld } from './support.js';

describeEachEngine('comments and mentions', (engine) => {
  const t = useSocialWorld(engine);

  const notificationRows = (userId: string) => engine().db.select().from(notifications).where(eq(notifications.userId, userId));
  const emailsTo = (userId: string) =>
    engine()
      .db.select()
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.channel, 'email')));

  it('posts, lists, edits and deletes comments on objectives, key results and check-ins', async () => {
    const checkIn = await t.w.api.checkIn(t.w.kr.id, { value: 20 });
    for (const [targetType, targetId] of [
      ['objective', t.w.objective.id],
      ['key_result', t.w.kr.id],
      ['check_in', checkIn.id],
    ] as const) {
      const posted = await comment(t.w.grace.client, { targetType, targetId, body: `  On the ${targetType}  ` });
      expect(posted).toMatchObject({ body: `On the ${targetType}`, authorId: t.w.grace.user.id, mentions: [], reactions: [] });
      const listed = await t.w.owner.client.get(`${API}/comments?targetType=${targetType}&targetId=${targetId}`);
      expectStatus(listed, 200);
      expect(listed.body.map((c: { id: string }) => c.id)).toEqual([posted.id]);
    }
    const [first] = (await t.w.owner.client.get(`${API}/comments?targetType=objective&targetId=${t.w.objective.id}`)).body;
    const edited = await t.w.grace.client.patch(`${API}/comments/${first.id}`, { body: 'Reworded' });
    expectStatus(edited, 200);
    expect(edited.body).toMatchObject({ body: 'Reworded', id: first.id });
    expectStatus(await t.w.grace.client.delete(`${API}/comments/${first.id}`), 204);
    expect((await t.w.owner.client.get(`${API}/comments?targetType=objective&targetId=${t.w.objective.id}`)).body).toEqual([]);
    expectProblem(await t.w.grace.client.patch(`${API}/comments/${first.id}`, { body: 'Too late' }), 404, '/problems/not-found');
  });

  it('refuses empty bodies, unknown targets and other organisations’ targets', async () => {
    expectProblem(
      await t.w.grace.client.post(`${API}/comments`, { targetType: 'objective', targetId: t.w.objective.id, body: '   ' }),
      400,
      '/problems/validation-failed',
      'body',
    );
    expectProblem(
      await t.w.grace.client.post(`${API}/comments`, { targetType: 'objective', targetId: t.w.objective.id }),
      400,
      '/problems/validation-failed',
      'body',
    );
    expectProblem(
      await t.w.grace.client.post(`${API}/comments`, { targetType: 'objective', targetId: MISSING_ID, body: 'Hi' }),
      404,
      '/problems/not-found',
      'targetId',
    );
    expectProblem(
      await t.w.grace.client.post(`${API}/comments`, { targetType: 'key_result', targetId: t.w.objective.id, body: 'Hi' }),
      404,
      '/problems/not-found',
      'targetId',
    );
    expectProblem(
      await t.w.grace.client.post(`${API}/comments`, { targetType: 'team', targetId: t.w.objective.id, body: 'Hi' }),
      400,
      '/problems/validation-failed',
      'targetType',
    );

    const other = await otherOrganization(engine().db, t.server.url);
    expectProblem(
      await other.client.post(`${API}/comments`, { targetType: 'objective', targetId: t.w.objective.id, body: 'Hi' }),
      404,
      '/problems/not-found',
      'targetId',
    );
    expectProblem(
      await other.client.get(`${API}/comments?targetType=objective&targetId=${t.w.objective.id}`),
      404,
      '/problems/not-found',
      'targetId',
    );
    const mine = await comment(t.w.grace.client, { targetType: 'objective', targetId: t.w.objective.id, body: 'Ours' });
    expectProblem(await other.client.delete(`${API}/comments/${mine.id}`), 404, '/problems/not-found');
    expectProblem(
      await t.w.grace.client.post(`${API}/comments`, {
        targetType: 'objective',
        targetId: t.w.objective.id,
        body: `Hey ${mention(other)}`,
      }),
      404,
      '/problems/not-found',
      'body',
    );
  });

  it('lets authors and admins change a comment, and nobody else', async () => {
    const pat = await addPerson(t.w.owner.client, { name: 'Pat Member' });
    const graces = await comment(t.w.grace.client, { targetType: 'objective', targetId: t.w.objective.id, body: 'Mine' });
    expectProblem(await pat.client.patch(`${API}/comments/${graces.id}`, { body: 'Not yours' }), 403, '/problems/forbidden');
    expectProblem(await pat.client.delete(`${API}/comments/${graces.id}`), 403, '/problems/forbidden');
    expectStatus(await t.w.owner.client.patch(`${API}/comments/${graces.id}`, { body: 'Moderated' }), 200);
    expectStatus(await t.w.owner.client.delete(`${API}/comments/${graces.id}`), 204);
  });

  it('notifies each mentioned person exactly once, in the app and by e-mail, and the owner of the objective', async () => {
    const pat = await addPerson(t.w.owner.client, { name: 'Pat Member' });
    const posted = await comment(t.w.grace.client, {
      targetType: 'objective',
      targetId: t.w.objective.id,
      body: `${mention(pat)} and ${mention(pat)}, see this; ${mention(t.w.grace)} too`,
    });
    expect(posted.mentions).toEqual(
      expect.arrayContaining([
        { id: pat.user.id, name: 'Pat Member' },
        { id: t.w.grace.user.id, name: 'Grace Hopper' },
      ]),
    );

    const forPat = await notificationRows(pat.user.id);
    expect(forPat).toHaveLength(1);
    expect(forPat[0]).toMatchObject({
      kind: 'mention',
      title: 'Grace Hopper mentioned you on “Delight customers”',
      link: `/objectives/${t.w.objective.id}`,
      entityId: posted.id,
      readAt: null,
    });
    expect(forPat[0]!.body).toContain('@Pat Member and @Pat Member, see this');
    const emails = await emailsTo(pat.user.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body).toContain(`${t.server.url}/api/v1/unsubscribe?u=${encodeURIComponent(pat.user.id)}&k=mention&e=`);
    expect(emails[0]!.body).toMatch(/\/api\/v1\/unsubscribe\?u=[^\s]+&k=mention&e=\d+&s=/);

    // Grace mentioned herself: nothing. Olivia owns the objective: one `comment` notice.
    expect(await notificationRows(t.w.grace.user.id)).toEqual([]);
    expect((await notificationRows(t.w.owner.user.id)).map((n) => n.kind)).toEqual(['comment']);
    expect((await notificationsOf(pat.client)).unread).toBe(1);

    // An edit tells only people it newly mentions, once.
    const sam = await addPerson(t.w.owner.client, { name: 'Sam Second' });
    for (let i = 0; i < 2; i++)
      expectStatus(await t.w.grace.client.patch(`${API}/comments/${posted.id}`, { body: `${mention(pat)} ${mention(sam)} updated` }), 200);
    expect(await notificationRows(pat.user.id)).toHaveLength(1);
    expect((await notificationRows(sam.user.id)).map((n) => n.kind)).toEqual(['mention']);
    expect((await notificationRows(t.w.owner.user.id)).map((n) => n.kind)).toEqual(['comment']);
  });

  it('tells the key result’s owner and the check-in’s author, a mention replacing the comment notice', async () => {
    const checkIn = await t.w.api.checkIn(t.w.kr.id, { value: 10 });
    await comment(t.w.grace.client, { targetType: 'check_in', targetId: checkIn.id, body: 'Nice move' });
    await comment(t.w.grace.client, { targetType: 'key_result', targetId: t.w.kr.id, body: `${mention(t.w.owner)} how is this measured?` });
    expect((await notificationRows(t.w.owner.user.id)).map((n) => n.kind).sort()).toEqual(['comment', 'mention']);
    await comment(t.w.owner.client, { targetType: 'objective', targetId: t.w.objective.id, body: 'My own objective' });
    expect(await notificationRows(t.w.owner.user.id)).toHaveLength(2);
  });
});
