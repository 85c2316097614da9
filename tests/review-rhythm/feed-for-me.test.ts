import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, type Person } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

interface FeedItem {
  id: string;
  kind: string;
  objective: { title: string } | null;
  meeting: { title: string; update: string; confidence: number | null; blockers: string | null; commitments: string | null } | null;
  reasons: string[];
}
interface FeedPage {
  items: FeedItem[];
  nextBefore: string | null;
}

const line = (i: FeedItem) => `${i.kind}:${i.objective?.title ?? i.meeting?.title ?? ''}:${i.reasons.join('+')}`;

/*
 * A hand-built feed on 17 February (Q1 2025: pace ≈ 53%): Rita (team Core) owns one objective, depends on a Platform
 * objective, contributes to another, and is mentioned in a comment; objectives at 10% are behind pace.
 */
describeEachEngine('The feed ordered for the reader, and asynchronous meeting updates in it', (engine) => {
  const t = useOkrWorld(engine, '2025-02-17');

  const feed = async (person: Person, query: string) => {
    const response = await person.client.get<FeedPage>(`${API}/feed${query}`);
    expectStatus(response, 200);
    return response.body;
  };

  async function world() {
    const { api, cycle, owner } = t.w;
    const core = await createTeam(owner.client, { name: 'Core' });
    const platform = await createTeam(owner.client, { name: 'Platform' });
    const rita = await addPerson(owner.client, { name: 'Rita Reader', teamId: core.id });
    const at = async (title: string, teamId: string, value: number, extra: Record<string, unknown> = {}) => {
      const made = await api.objectiveAt({ cycleId: cycle.id, title, teamId, ...extra });
      await api.checkIn(made.kr.id, { value });
      return made;
    };
    const own = await at('Own goal', core.id, 60, { ownerId: rita.user.id });
    await at('Core goal', core.id, 10);
    const provider = await at('Platform delivery', platform.id, 60);
    await at('Helped by Rita', platform.id, 60, { contributors: [{ userId: rita.user.id }] });
    const unrelated = await at('Unrelated', platform.id, 60);
    await at('Lagging elsewhere', platform.id, 10);
    const dependency = await owner.client.post(`${API}/objectives/${own.objective.id}/dependencies`, {
      teamId: platform.id,
      objectiveId: provider.objective.id,
      description: 'The new API',
      neededBy: '2025-03-01',
    });
    expectStatus(dependency, 201);
    const mention = await owner.client.post(`${API}/comments`, {
      targetType: 'objective',
      targetId: unrelated.objective.id,
      body: `Can you look at this, @[Rita Reader](${rita.user.id})?`,
    });
    expectStatus(mention, 201);
    return { core, platform, rita };
  }

  it(
    'ranks mentions, my own, what I depend on or contribute to, my team, at risk first; the timeline stays newest first',
    { timeout: 120_000 },
    async () => {
      const { rita } = await world();
      const mine = await feed(rita, '?order=for_me');
      expect(mine.items.map(line)).toEqual([
        'comment:Unrelated:mention',
        'check_in:Core goal:team+at_risk',
        'objective_created:Core goal:team+at_risk',
        'check_in:Own goal:mine+team',
        'objective_created:Own goal:mine+team',
        'check_in:Platform delivery:depending',
        'objective_created:Platform delivery:depending',
        'check_in:Helped by Rita:contributing',
        'objective_created:Helped by Rita:contributing',
        'check_in:Lagging elsewhere:at_risk',
        'objective_created:Lagging elsewhere:at_risk',
        'check_in:Unrelated:',
        'objective_created:Unrelated:',
      ]);

      const timeline = await feed(rita, '');
      expect(timeline.items.slice(0, 3).map(line)).toEqual([
        'comment:Unrelated:',
        'check_in:Lagging elsewhere:',
        'objective_created:Lagging elsewhere:',
      ]);

      // Another reader ranks the same news differently: the owner owns everything but Rita's goal; theirs at risk first.
      const owners = await feed(t.w.owner, '?order=for_me');
      expect(owners.items.slice(0, 4).map(line)).toEqual([
        'check_in:Lagging elsewhere:mine+at_risk',
        'objective_created:Lagging elsewhere:mine+at_risk',
        'check_in:Core goal:mine+at_risk',
        'objective_created:Core goal:mine+at_risk',
      ]);

      // Pages continue in the same order.
      const first = await feed(rita, '?order=for_me&limit=4');
      const second = await feed(rita, `?order=for_me&limit=4&before=${first.nextBefore}`);
      expect([...first.items, ...second.items].map(line)).toEqual(mine.items.slice(0, 8).map(line));
      expectProblem(await rita.client.get(`${API}/feed?order=newest`), 400, '/problems/validation-failed', 'order');
    },
  );

  it("shows parts posted to asynchronous sessions, in the team's feed too, but never a one-on-one's", { timeout: 120_000 }, async () => {
    const { core, platform, rita } = await world();
    const { owner } = t.w;
    const weekly = await owner.client.post<{ id: string }>(`${API}/meetings`, {
      kind: 'weekly',
      title: 'Core weekly',
      audience: 'team',
      teamId: core.id,
      startsAt: '2025-02-17T15:00:00Z',
      asyncDeadline: '2025-02-17T14:00:00Z',
      participantIds: [owner.user.id, rita.user.id],
    });
    expectStatus(weekly, 201);
    const pair = await owner.client.post<{ id: string }>(`${API}/meetings`, {
      kind: 'one_on_one',
      title: 'Rita 1:1',
      audience: 'pair',
      startsAt: '2025-02-18T15:00:00Z',
      asyncDeadline: '2025-02-18T14:00:00Z',
      participantIds: [owner.user.id, rita.user.id],
    });
    expectStatus(pair, 201);
    const post = (id: string, body: Record<string, unknown>) => rita.client.put(`${API}/meetings/${id}/my-update`, body);
    expectStatus(await post(pair.body.id, { update: 'Private thoughts' }), 201);
    expectStatus(
      await post(weekly.body.id, { update: 'API contract drafted', confidence: 6, blockers: 'Waiting on review', commitments: 'Ship it' }),
      201,
    );

    for (const query of ['', `?teamId=${core.id}`]) {
      const { items } = await feed(owner, query);
      expect(items[0]).toMatchObject({
        kind: 'meeting_update',
        meeting: {
          title: 'Core weekly',
          update: 'API contract drafted',
          confidence: 6,
          blockers: 'Waiting on review',
          commitments: 'Ship it',
        },
      });
      expect(
        items.filter((i) => i.kind === 'meeting_update'),
        'the one-on-one stays out',
      ).toHaveLength(1);
    }
    const platformFeed = await feed(owner, `?teamId=${platform.id}`);
    expect(platformFeed.items.some((i) => i.kind === 'meeting_update')).toBe(false);
    const ranked = await feed(rita, '?order=for_me');
    expect(ranked.items.find((i) => i.kind === 'meeting_update')?.reasons).toEqual(['team']);
  });
});
