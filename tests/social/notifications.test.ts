import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { notificationPreferences, outbox } from '../../src/db/schema/index.js';
import { NOTIFICATION_KINDS } from '../../src/domain/vocabulary.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, TestClock } from '../okrs/support.js';
import { comment, mention, notificationsOf, useSocialWorld } from './support.js';

describeEachEngine('the notification centre, preferences, quiet hours and unsubscribing', (engine) => {
  const clock = new TestClock('2025-02-10'); // noon UTC
  const t = useSocialWorld(engine, { clock: clock.now });

  const mentionGrace = (text = 'look') =>
    comment(t.w.owner.client, { targetType: 'objective', targetId: t.w.objective.id, body: `${mention(t.w.grace)} ${text}` });
  const emailsToGrace = () => engine().db.select().from(outbox).where(eq(outbox.userId, t.w.grace.user.id));

  it('lists mine newest first with the unread count, marks one or all read, and keeps others’ private', async () => {
    await mentionGrace('first');
    await mentionGrace('second');
    const listed = await notificationsOf(t.w.grace.client);
    expect(listed.unread).toBe(2);
    expect(listed.items.map((n) => n.body)).toEqual(['@Grace Hopper second', '@Grace Hopper first']);

    const page = await t.w.grace.client.get(`${API}/notifications?limit=1`);
    expect(page.body.items).toHaveLength(1);
    const rest = await t.w.grace.client.get(`${API}/notifications?limit=1&before=${page.body.nextBefore}`);
    expect(rest.body).toMatchObject({ items: [{ body: '@Grace Hopper first' }], nextBefore: null });

    const [newest] = listed.items;
    for (let i = 0; i < 2; i++)
      expect((await t.w.grace.client.post(`${API}/notifications/${newest!.id}/read`)).body).toEqual({ unread: 1 });
    expectProblem(await t.w.owner.client.post(`${API}/notifications/${newest!.id}/read`), 404, '/problems/not-found');
    expect((await notificationsOf(t.w.grace.client)).items[0]!.readAt).toBe(clock.now().toISOString());
    expect((await t.w.grace.client.post(`${API}/notifications/read-all`)).body).toEqual({ unread: 0 });
    expect((await notificationsOf(t.w.grace.client)).unread).toBe(0);
    expectProblem(await new Client(t.server.url).get(`${API}/notifications`), 401, '/problems/unauthenticated');
  });

  it('keeps preferences per kind and channel: e-mail off writes no outbox row, in-app off arrives read', async () => {
    const defaults = await t.w.grace.client.get(`${API}/me/notification-preferences`);
    expect(defaults.body.preferences).toHaveLength(NOTIFICATION_KINDS.length * 2);
    expect(defaults.body.preferences.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
    expect(defaults.body.quietHours).toEqual({ start: null, end: null });

    const saved = await t.w.grace.client.request('PUT', `${API}/me/notification-preferences`, {
      body: {
        preferences: [
          { kind: 'mention', channel: 'email', enabled: false },
          { kind: 'mention', channel: 'in_app', enabled: false },
        ],
      },
    });
    expectStatus(saved, 200);
    expect(saved.body.preferences.filter((p: { enabled: boolean }) => !p.enabled)).toEqual([
      { kind: 'mention', channel: 'in_app', enabled: false },
      { kind: 'mention', channel: 'email', enabled: false },
    ]);
    await mentionGrace();
    expect(await emailsToGrace()).toEqual([]);
    const listed = await notificationsOf(t.w.grace.client);
    expect(listed.items.map((n) => n.kind)).toEqual(['mention']);
    expect(listed.unread).toBe(0);

    // PUT replaces: what is not listed is back to on.
    expectStatus(await t.w.grace.client.request('PUT', `${API}/me/notification-preferences`, { body: { preferences: [] } }), 200);
    await mentionGrace('again');
    expect(await emailsToGrace()).toHaveLength(1);
    expectProblem(
      await t.w.grace.client.request('PUT', `${API}/me/notification-preferences`, {
        body: { preferences: [{ kind: 'gossip', channel: 'email', enabled: false }] },
      }),
      400,
      '/problems/validation-failed',
      'preferences[0].kind',
    );
  });

  it('delays e-mail past quiet hours in the person’s time zone', async () => {
    const setQuiet = (body: unknown) => t.w.grace.client.request('PUT', `${API}/me/quiet-hours`, { body });
    expect((await setQuiet({ start: 11, end: 14 })).body.quietHours).toEqual({ start: 11, end: 14 });
    await mentionGrace();
    expect((await emailsToGrace()).map((e) => e.nextAttemptAt.toISOString())).toEqual(['2025-02-10T14:00:00.000Z']);

    // 12:00 UTC is 07:00 in New York: outside 11–14 there, inside 22–08 (until 08:00, 13:00 UTC).
    expectStatus(await t.w.grace.client.patch(`${API}/users/${t.w.grace.user.id}`, { timeZone: 'America/New_York' }), 200);
    await engine().db.delete(outbox);
    await mentionGrace('at seven');
    expect((await emailsToGrace()).map((e) => e.nextAttemptAt.toISOString())).toEqual([clock.now().toISOString()]);
    await setQuiet({ start: 22, end: 8 });
    await mentionGrace('still early');
    expect((await emailsToGrace()).map((e) => e.nextAttemptAt.toISOString()).sort()).toEqual([
      '2025-02-10T12:00:00.000Z',
      '2025-02-10T13:00:00.000Z',
    ]);

    expectProblem(await setQuiet({ start: 24, end: 8 }), 400, '/problems/validation-failed', 'start');
    expectProblem(await setQuiet({ start: 22, end: null }), 400, '/problems/validation-failed', 'end');
    expectProblem(await setQuiet({ start: 9, end: 9 }), 400, '/problems/validation-failed', 'end');
    expect((await setQuiet({ start: null, end: null })).body).toMatchObject({
      quietHours: { start: null, end: null },
      timeZone: 'America/New_York',
    });
  });

  it('unsubscribes from a signed link without signing in, and refuses an altered one, changing nothing', async () => {
    await mentionGrace();
    const [email] = await emailsToGrace();
    const link = new URL(/(http\S+\/api\/v1\/unsubscribe\S+)/.exec(email!.body)![1]!);
    const anonymous = new Client(t.server.url);
    const preferences = () =>
      engine().db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, t.w.grace.user.id));

    const altered = (name: string, value: string) => {
      const copy = new URL(link);
      copy.searchParams.set(name, value);
      return `${copy.pathname}${copy.search}`;
    };
    expectProblem(await anonymous.get(altered('k', 'comment')), 403, '/problems/forbidden');
    expectProblem(await anonymous.get(altered('u', t.w.owner.user.id)), 403, '/problems/forbidden');
    const signature = link.searchParams.get('s')!;
    // Change the last character to a different one (replacing it with a fixed letter is a no-op 1 time in 64).
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expectProblem(await anonymous.get(altered('s', flipped)), 403, '/problems/forbidden');
    expectProblem(await anonymous.get(`${API}/unsubscribe?u=${t.w.grace.user.id}&k=mention&e=1`), 400, '/problems/validation-failed', 's');
    expect(await preferences()).toEqual([]);

    // Opening the link only asks (scanners follow links); the button posts back.
    const opened = await anonymous.get(`${link.pathname}${link.search}`);
    expectStatus(opened, 200);
    expect(opened.text).toContain('<form method="post"');
    expect(await preferences()).toEqual([]);
    const followed = await anonymous.request('POST', `${link.pathname}${link.search}`, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectStatus(followed, 200);
    expect(followed.headers.get('content-type')).toMatch(/^text\/html/);
    expect(followed.text).toContain('no longer e-mail you about mentions');
    expect(await preferences()).toMatchObject([{ kind: 'mention', channel: 'email', enabled: false }]);
    expectStatus(await anonymous.post(`${link.pathname}${link.search}`), 200);

    await engine().db.delete(outbox);
    await mentionGrace('once more');
    expect(await emailsToGrace()).toEqual([]);
    await comment(t.w.grace.client, { targetType: 'objective', targetId: t.w.objective.id, body: 'Reply' });
    expect(
      await engine()
        .db.select()
        .from(outbox)
        .where(and(eq(outbox.userId, t.w.owner.user.id))),
    ).toHaveLength(1);
  });
});
