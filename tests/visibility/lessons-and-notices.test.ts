/**
 * What the outsider walk cannot reach by reading: lessons learned on a private objective (library search and the
 * quality coach's pointer), and notices that would name it (a mention in a comment). The owner and a named viewer
 * are the controls: they do see it, so each "nothing" below is the rule at work, not an empty world.
 */
import { expect, it } from 'vitest';
import { replaceLessons } from '../../src/server/services/lessons/replace-lessons.js';
import { searchLessons } from '../../src/server/services/lessons/search-lessons.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectStatus, type Person } from '../support/fixtures.js';
import type { Client } from '../support/client.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { comment, mention, notificationsOf } from '../social/support.js';
import { setUpVisibilityWorld } from './support.js';

interface Report {
  findings: { ruleId: string; message: string }[];
}

const LESSON = 'Quetzal pilots need a signed data agreement first';

describeEachEngine('a private objective in lessons and notices', (engine) => {
  const t = useOkrWorld(engine, '2025-02-10');

  async function world() {
    const w = await setUpVisibilityWorld(t.w);
    const vera = await addPerson(w.owner.client, { name: 'Vera Viewer', teamId: w.sales.id });
    const objective = await w.api.createPublished({
      cycleId: w.cycle.id,
      title: 'Quetzal secret launch',
      teamId: w.research.id,
      ownerId: w.grace.user.id,
      visibility: 'private',
      viewerIds: [vera.user.id],
    });
    return { w, vera, objective };
  }

  const lessonsFound = async (client: Client) => {
    const found = await client.get<{ text: string }[]>(`${API}/lessons?q=quetzal`);
    expectStatus(found, 200);
    return found.body.map((l) => l.text);
  };
  const coachPointsAt = async (client: Client, cycleId: string) => {
    const report = await client.post<Report>(`${API}/quality/check`, { cycleId, title: 'Quetzal pilots in two regions' });
    expectStatus(report, 200);
    return report.body.findings.filter((f) => f.ruleId === 'related-lesson').map((f) => f.message);
  };

  it('hides its lessons from the library search and the coach, and shows them to those who may read it', { timeout: 120_000 }, async () => {
    const { w, vera, objective } = await world();
    await engine().db.transaction((tx) =>
      replaceLessons(
        tx,
        {
          orgId: w.orgId,
          cycleId: w.cycle.id,
          authorId: w.grace.user.id,
          sourceKind: 'closing_note',
          sourceId: objective.id,
          teamId: w.research.id,
          objectiveId: objective.id,
          outcome: 'missed',
        },
        [{ text: LESSON, tags: [] }],
      ),
    );
    expect(await lessonsFound(w.grace.client)).toEqual([LESSON]);
    expect(await lessonsFound(vera.client)).toEqual([LESSON]);
    expect(await lessonsFound(w.oscar.client)).toEqual([]);

    expect((await coachPointsAt(w.grace.client, w.cycle.id)).join()).toContain(LESSON);
    expect(await coachPointsAt(w.oscar.client, w.cycle.id)).toEqual([]);
  });

  it(
    'fills a page of results with the best lessons the reader may see, hidden ones ranked above them left out',
    { timeout: 120_000 },
    async () => {
      const { w, objective } = await world();
      const lessonsOf = (objectiveId: string, teamId: string, texts: string[]) =>
        engine().db.transaction((tx) =>
          replaceLessons(
            tx,
            {
              orgId: w.orgId,
              cycleId: w.cycle.id,
              authorId: w.grace.user.id,
              sourceKind: 'closing_note',
              sourceId: objectiveId,
              teamId,
              objectiveId,
              outcome: 'missed',
            },
            texts.map((text) => ({ text, tags: [] })),
          ),
        );
      // The hidden lessons rank first (the word three times): a page cut before the check would hold only them, and
      // a page of one ranks four lessons before asking who may see them (search-lessons.ts), all four hidden here.
      await lessonsOf(objective.id, w.research.id, [
        'Quetzal quetzal quetzal hidden one',
        'Quetzal quetzal quetzal hidden two',
        'Quetzal quetzal quetzal hidden three',
        'Quetzal quetzal quetzal hidden four',
      ]);
      await lessonsOf(w.publicObjective.id, w.sales.id, ['Quetzal quetzal open first', 'Quetzal open second', 'Quetzal open third note']);
      const search = (userId: string, limit: number) =>
        searchLessons(engine().db, { orgId: w.orgId, userId, role: 'member' }, { q: 'quetzal', limit }).then((found) =>
          found.map((l) => l.text),
        );
      const outsiderAll = await search(w.oscar.user.id, 100);
      expect(outsiderAll).toHaveLength(3);
      expect(outsiderAll[0]).toBe('Quetzal quetzal open first');
      expect(outsiderAll.join()).not.toContain('hidden');
      expect(await search(w.oscar.user.id, 2)).toEqual(outsiderAll.slice(0, 2));
      expect(await search(w.oscar.user.id, 1)).toEqual(outsiderAll.slice(0, 1));
      const graceTwo = await search(w.grace.user.id, 2);
      expect(graceTwo).toHaveLength(2);
      expect(graceTwo.every((text) => text.includes('hidden'))).toBe(true);
    },
  );

  it('does not tell a mentioned outsider of a comment on it, and tells the named viewer', { timeout: 120_000 }, async () => {
    const { w, vera, objective } = await world();
    const titles = async (person: Person) => (await notificationsOf(person.client)).items.map((n: { title: string }) => n.title);
    const before = await titles(w.oscar);
    await comment(w.grace.client, {
      targetType: 'objective',
      targetId: objective.id,
      body: `Pangolin plan for ${mention(vera)} and ${mention(w.oscar)}`,
    });
    expect(await titles(vera)).toContain('Grace Hopper mentioned you on “Quetzal secret launch”');
    expect(await titles(w.oscar)).toEqual(before);
    expect(JSON.stringify(await notificationsOf(w.oscar.client))).not.toMatch(/Quetzal|Pangolin/);
  });
});
