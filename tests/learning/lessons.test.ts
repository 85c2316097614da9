import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { lessons } from '../../src/db/schema/index.js';
import { replaceLessons, type LessonSource } from '../../src/server/services/lessons/replace-lessons.js';
import { AppError } from '../../src/server/errors.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

interface Found {
  text: string;
  tags: string[];
  outcome: string | null;
  teamName: string | null;
  cycleName: string;
  objectiveTitle: string | null;
  rank: number;
  highlight: { text: string; match: boolean }[];
}

describeEachEngine('Lessons library', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  /** Two teams' lessons in Q1, as closing notes and a retrospective would write them. */
  async function seed() {
    const { w } = t;
    const growth = await createTeam(w.owner.client, { name: 'Growth' });
    const platform = await createTeam(w.owner.client, { name: 'Platform' });
    const objective = await w.api.createObjective({ cycleId: w.cycle.id, title: 'Make onboarding effortless', teamId: growth.id });
    const base = { orgId: w.orgId, cycleId: w.cycle.id, authorId: w.owner.user.id, objectiveId: null, outcome: null } as const;
    const note: LessonSource = {
      ...base,
      sourceKind: 'closing_note',
      sourceId: objective.id,
      teamId: growth.id,
      objectiveId: objective.id,
      outcome: 'missed',
    };
    const retro: LessonSource = { ...base, sourceKind: 'retrospective', sourceId: platform.id, teamId: platform.id };
    await engine().db.transaction(async (tx) => {
      await replaceLessons(tx, note, [
        { text: 'Onboarding experiments need a control group before shipping', tags: ['#Experiments', 'onboarding'] },
        { text: 'Shipping late in the quarter left no time to measure', tags: ['planning'] },
      ]);
      await replaceLessons(tx, retro, [
        { text: 'Migrations ran faster when we shipped them in small batches', tags: ['delivery'] },
        { text: 'On-call handover notes prevented repeated incidents', tags: [] },
      ]);
    });
    return { growth, platform, objective, note, retro };
  }

  const search = async (query: Record<string, string>) => {
    const response = await t.w.owner.client.get<Found[]>(`${API}/lessons?${new URLSearchParams(query).toString()}`);
    expectStatus(response, 200);
    return response.body;
  };

  it('finds lessons by stemmed words, best match first, with the match highlighted', async () => {
    await seed();
    // "ship" matches shipping and shipped (English stemming); the lesson naming onboarding as well ranks first.
    const found = await search({ q: 'ship onboarding' });
    expect(found.map((l) => l.text)).toEqual(['Onboarding experiments need a control group before shipping']);
    expect(found[0]!.highlight).toEqual([
      { text: 'Onboarding', match: true },
      { text: ' experiments need a control group before ', match: false },
      { text: 'shipping', match: true },
    ]);
    expect(found[0]).toMatchObject({
      teamName: 'Growth',
      cycleName: 'Q1 2025',
      objectiveTitle: 'Make onboarding effortless',
      outcome: 'missed',
    });

    const shipped = await search({ q: 'ship' });
    expect(shipped.map((l) => l.text).sort()).toEqual([
      'Migrations ran faster when we shipped them in small batches',
      'Onboarding experiments need a control group before shipping',
      'Shipping late in the quarter left no time to measure',
    ]);
    expect(shipped.map((l) => l.rank)).toEqual([...shipped.map((l) => l.rank)].sort((a, b) => b - a));
    // Websearch syntax: a quoted phrase and an excluded word.
    expect((await search({ q: 'ship -onboarding -migrations' })).map((l) => l.text)).toEqual([
      'Shipping late in the quarter left no time to measure',
    ]);
    // `match=any` (the objective editor's related lessons): any shared word counts, more shared words rank higher.
    const related = await search({ q: 'Faster onboarding experiments', match: 'any', limit: '3' });
    expect(related[0]!.text).toBe('Onboarding experiments need a control group before shipping');
    expect(related.map((l) => l.text)).toContain('Migrations ran faster when we shipped them in small batches');
  });

  it('filters by team, cycle, outcome and tag, and lists newest first without a query', async () => {
    const { growth, platform } = await seed();
    expect((await search({})).length).toBe(4);
    expect((await search({ teamId: platform.id })).map((l) => l.teamName)).toEqual(['Platform', 'Platform']);
    expect((await search({ teamId: growth.id, outcome: 'missed' })).length).toBe(2);
    expect((await search({ outcome: 'achieved' })).length).toBe(0);
    expect((await search({ tag: '#experiments' })).map((l) => l.tags)).toEqual([['experiments', 'onboarding']]);
    expect((await search({ q: 'ship', tag: 'delivery' })).map((l) => l.text)).toEqual([
      'Migrations ran faster when we shipped them in small batches',
    ]);
    expect((await search({ cycleId: t.w.cycle.id })).length).toBe(4);
    const q2 = await t.w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    expect(await search({ cycleId: q2.id })).toEqual([]);
    expectProblem(await t.w.owner.client.get(`${API}/lessons?outcome=great`), 400, '/problems/validation-failed', 'outcome');
  });

  it('replaces a source’s lessons in the caller’s transaction and refuses an over-long lesson, changing nothing', async () => {
    const { note } = await seed();
    await engine().db.transaction((tx) => replaceLessons(tx, note, [{ text: 'Only this one', tags: [] }]));
    const stored = await engine().db.select().from(lessons).where(eq(lessons.sourceId, note.sourceId));
    expect(stored.map((l) => l.text)).toEqual(['Only this one']);
    const refused = await engine()
      .db.transaction((tx) =>
        replaceLessons(tx, note, [
          { text: 'fine', tags: [] },
          { text: 'x'.repeat(501), tags: [] },
        ]),
      )
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).errors.map((e) => e.field)).toEqual(['lessons[1].text']);
    expect((await engine().db.select().from(lessons).where(eq(lessons.sourceId, note.sourceId))).map((l) => l.text)).toEqual([
      'Only this one',
    ]);
    expect((await search({})).length).toBe(3);
  });
});
