import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { notifications } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import type { Client } from '../support/client.js';
import { API, OkrApi } from '../okrs/support.js';
import { comment, otherOrganization, useSocialWorld } from './support.js';

interface FeedItem {
  id: string;
  kind: string;
  actor: { name: string } | null;
  objective: { id: string; title: string; teamName: string | null } | null;
  keyResult: { title: string } | null;
  checkIn: { id: string; value: number | null; progressBefore: number | null; progressAfter: number | null } | null;
  status: { from: string | null; to: string } | null;
  comment: { excerpt: string } | null;
  reactions: { emoji: string; count: number; mine: boolean; names: string[] }[];
}

async function feed(client: Client, query = ''): Promise<{ items: FeedItem[]; nextBefore: string | null }> {
  const response = await client.get(`${API}/feed${query}`);
  expectStatus(response, 200);
  return response.body;
}
const kinds = (items: FeedItem[]) => items.map((i) => `${i.kind}:${i.objective?.title ?? ''}`);
const react = (client: Client, path: string, emoji: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  client.request(method, `${API}/${path}/reactions/${encodeURIComponent(emoji)}`);

describeEachEngine('feed, celebrations and reactions', (engine) => {
  const t = useSocialWorld(engine);

  it('shows check-ins with their progress change, comments, new, re-statused and closed OKRs, newest first', async () => {
    const grace = new OkrApi(t.w.grace.client);
    await grace.checkIn(t.w.kr.id, { value: 40, note: 'Two agents hired' });
    await comment(t.w.grace.client, { targetType: 'key_result', targetId: t.w.kr.id, body: 'Measured weekly' });
    const draft = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Quiet draft', status: 'draft' });
    await t.w.api.patchObjective(draft.id, { title: 'Renamed draft' });
    expectStatus(
      await t.w.owner.client.patch(`${API}/objectives/${draft.id}`, { status: 'active', publishOverrideReason: 'Key results follow' }),
      200,
    );
    await t.w.api.patchObjective(draft.id, { status: 'closed' });

    const { items } = await feed(t.w.owner.client);
    expect(kinds(items)).toEqual([
      'objective_closed:Renamed draft',
      'status_changed:Renamed draft',
      'comment:Delight customers',
      'check_in:Delight customers',
      'objective_created:Delight customers',
    ]);
    expect(items[1]!.status).toEqual({ from: 'draft', to: 'active' });
    expect(items[2]!.comment).toEqual({ id: expect.any(String), excerpt: 'Measured weekly', on: 'key_result' });
    expect(items[3]).toMatchObject({
      actor: { name: 'Grace Hopper' },
      objective: { teamName: 'Support' },
      keyResult: { title: 'Delight customers KR' },
      checkIn: { value: 40, note: 'Two agents hired', progressBefore: 0 },
    });
    expect(items[3]!.checkIn!.progressAfter).toBeCloseTo(0.4, 12);
  });

  it('filters by team and objective, pages without gaps, and refuses other organisations’ filters', async () => {
    const sales = await createTeam(t.w.owner.client, { name: 'Sales' });
    const salesObjective = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Sell more', teamId: sales.id });
    const company = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Be profitable' });
    await comment(t.w.owner.client, { targetType: 'objective', targetId: company.id, body: 'Company note' });

    expect(kinds((await feed(t.w.owner.client, `?teamId=${t.w.team.id}`)).items)).toEqual(['objective_created:Delight customers']);
    expect(kinds((await feed(t.w.owner.client, `?teamId=${sales.id}`)).items)).toEqual(['objective_created:Sell more']);
    expect(kinds((await feed(t.w.owner.client, `?objectiveId=${company.id}`)).items)).toEqual([
      'comment:Be profitable',
      'objective_created:Be profitable',
    ]);
    expect(salesObjective.teamId).toBe(sales.id);

    const all = (await feed(t.w.owner.client)).items.map((i) => i.id);
    expect(all).toHaveLength(4);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: { items: FeedItem[]; nextBefore: string | null } = await feed(
        t.w.owner.client,
        `?limit=3${before ? `&before=${before}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.id));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual(all);

    const other = await otherOrganization(engine().db, t.server.url);
    expect((await feed(other.client)).items).toEqual([]);
    expectProblem(await other.client.get(`${API}/feed?teamId=${t.w.team.id}`), 404, '/problems/not-found', 'teamId');
    expectProblem(await other.client.get(`${API}/feed?objectiveId=${t.w.objective.id}`), 404, '/problems/not-found', 'objectiveId');
    expectProblem(await t.w.owner.client.get(`${API}/feed?limit=500`), 400, '/problems/validation-failed', 'limit');
  });

  it('celebrates the check-in that reaches a target, once, and tells the objective’s owner', async () => {
    const grace = new OkrApi(t.w.grace.client);
    await grace.checkIn(t.w.kr.id, { value: 60 });
    const reached = await grace.checkIn(t.w.kr.id, { value: 100 });
    await grace.checkIn(t.w.kr.id, { value: 120 });

    const { items } = await feed(t.w.owner.client);
    const celebrations = items.filter((i) => i.kind === 'celebration');
    expect(celebrations).toHaveLength(1);
    expect(celebrations[0]).toMatchObject({
      actor: { name: 'Grace Hopper' },
      keyResult: { title: 'Delight customers KR' },
      checkIn: { id: reached.id, value: 100, progressBefore: 0.6, progressAfter: 1 },
    });
    const owners = await engine().db.select().from(notifications).where(eq(notifications.userId, t.w.owner.user.id));
    expect(owners.map((n) => [n.kind, n.title, n.link])).toEqual([
      ['celebration', 'Target reached: Delight customers KR', `/objectives/${t.w.objective.id}`],
    ]);

    // Below the target again (the 120 corrected, the 100 retracted: its celebration goes with it),
    // then back: a new celebration. The owner's own check-in tells nobody.
    const [latest] = await grace.checkIns(t.w.kr.id);
    expectStatus(await t.w.grace.client.patch(`${API}/check-ins/${latest!.id}`, { value: 50 }), 200);
    expectStatus(await t.w.grace.client.delete(`${API}/check-ins/${reached.id}`), 204);
    expect((await feed(t.w.owner.client)).items.filter((i) => i.kind === 'celebration')).toEqual([]);
    const again = await t.w.api.checkIn(t.w.kr.id, { value: 100 });
    expect((await feed(t.w.owner.client)).items.filter((i) => i.kind === 'celebration').map((i) => [i.actor?.name, i.checkIn?.id])).toEqual(
      [['Olivia Owner', again.id]],
    );
    expect(await engine().db.select().from(notifications).where(eq(notifications.userId, t.w.owner.user.id))).toHaveLength(1);
  });

  it('toggles one reaction per person and emoji on check-ins and comments, shown in the feed', async () => {
    const checkIn = await t.w.api.checkIn(t.w.kr.id, { value: 30 });
    const path = `check-ins/${checkIn.id}`;
    for (let i = 0; i < 2; i++) expectStatus(await react(t.w.grace.client, path, '🎉'), 200);
    const both = await react(t.w.owner.client, path, '🎉');
    expect(both.body).toEqual([{ emoji: '🎉', count: 2, mine: true, names: ['Grace Hopper', 'Olivia Owner'] }]);
    expect((await react(t.w.grace.client, path, '❤️')).body.map((r: { emoji: string }) => r.emoji)).toEqual(['🎉', '❤️']);
    expect((await react(t.w.grace.client, path, '🎉', 'DELETE')).body).toEqual([
      { emoji: '🎉', count: 1, mine: false, names: ['Olivia Owner'] },
      { emoji: '❤️', count: 1, mine: true, names: ['Grace Hopper'] },
    ]);
    expectStatus(await react(t.w.grace.client, path, '🎉', 'DELETE'), 200);
    const [item] = (await feed(t.w.owner.client)).items;
    expect(item).toMatchObject({
      kind: 'check_in',
      reactions: [
        { emoji: '🎉', count: 1, mine: true },
        { emoji: '❤️', count: 1, mine: false },
      ],
    });

    const note = await comment(t.w.grace.client, { targetType: 'objective', targetId: t.w.objective.id, body: 'Thanks all' });
    expect((await react(t.w.owner.client, `comments/${note.id}`, '🙏')).body).toMatchObject([{ emoji: '🙏', count: 1 }]);
    expect(
      (await t.w.owner.client.get(`${API}/comments?targetType=objective&targetId=${t.w.objective.id}`)).body[0].reactions,
    ).toMatchObject([{ emoji: '🙏', count: 1, mine: true }]);
    expectProblem(await react(t.w.owner.client, path, '💩'), 400, '/problems/validation-failed', 'emoji');
    const other = await otherOrganization(engine().db, t.server.url);
    expectProblem(await react(other.client, path, '👍'), 404, '/problems/not-found');
    expectStatus(await t.w.grace.client.delete(`${API}/comments/${note.id}`), 204);
    expectProblem(await react(t.w.owner.client, `comments/${note.id}`, '👍'), 404, '/problems/not-found');
    expect((await feed(t.w.owner.client)).items.map((i) => i.kind)).not.toContain('comment');
  });

  it('leaves deleted check-ins out, and roll-ups without a progress of their own', async () => {
    const rollup = await t.w.api.createKeyResult(t.w.objective.id, { title: 'Teams deliver', kind: 'rollup' });
    await t.w.api.checkIn(rollup.id, { confidence: 6 });
    const gone = await t.w.api.checkIn(t.w.kr.id, { value: 10 });
    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${gone.id}`), 204);
    const checkIns = (await feed(t.w.owner.client)).items.filter((i) => i.kind === 'check_in');
    expect(checkIns.map((i) => [i.keyResult?.title, i.checkIn?.progressAfter])).toEqual([['Teams deliver', null]]);
  });
});
