import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, closingNotes, lessons, scoreConfirmations } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { NOTE, ReviewApi } from './support.js';

describeEachEngine('Cycle review: phases, proposed scores, confirmation, closing notes', (engine) => {
  // Review opens eleven days before the end of Q1 2025 (2025-03-31).
  const t = useOkrWorld(engine, '2025-03-20');
  const review = () => new ReviewApi(t.w.owner.client);

  async function scenario() {
    const a = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Grow sign-ups', type: 'aspirational' }, 67.5, '2025-03-10');
    const b = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Ship billing', type: 'committed' }, 100, '2025-03-01');
    return { a, b };
  }

  it('moves active → review by hand, records cycle.phase_changed, and still takes check-ins up to the end date', async () => {
    const { a } = await scenario();
    const moved = await t.w.api.patchCycle(t.w.cycle.id, { status: 'review' });
    expect(moved).toMatchObject({ status: 'review', closedAt: null, closedEarly: false });
    const [phase] = await engine()
      .db.select()
      .from(activities)
      .where(and(eq(activities.action, 'cycle.phase_changed'), eq(activities.entityId, t.w.cycle.id)));
    expect(phase?.after).toEqual({ from: 'active', to: 'review' });

    await t.w.api.checkIn(a.kr.id, { value: 80, asOf: '2025-03-20' });
    t.clock.setDay('2025-04-03');
    await t.w.api.checkIn(a.kr.id, { value: 90, asOf: '2025-03-31' }); // late, but dated inside the cycle
    expectProblem(
      await t.w.owner.client.post(`${API}/key-results/${a.kr.id}/check-ins`, { value: 95, asOf: '2025-04-01' }),
      422,
      '/problems/validation-failed',
      'asOf',
    );
    expect((await t.w.api.keyResult(a.kr.id)).currentValue).toBe(90);
  });

  it('proposes each score from progress today while the end is ahead, then at the end date, rounded to 2 decimals', async () => {
    const { a, b } = await scenario();
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'review' });
    await t.w.api.checkIn(a.kr.id, { value: 74.5, asOf: '2025-03-20' });
    let board = await review().board(t.w.cycle.id);
    expect(board.proposalDate).toBe('2025-03-20');
    expect(board.keyResults.map((k) => [k.title, k.proposedScore, k.confirmedScore])).toEqual([
      ['Grow sign-ups KR', 0.75, null],
      ['Ship billing KR', 1, null],
    ]);
    expect(board.objectives.map((o) => [o.title, o.score, o.proposedOutcome, o.closingNote])).toEqual([
      ['Grow sign-ups', 0.75, 'achieved', null],
      ['Ship billing', 1, 'achieved', null],
    ]);

    t.clock.setDay('2025-04-02');
    await t.w.api.checkIn(b.kr.id, { value: 45, asOf: '2025-03-31' });
    await t.w.api.checkIn(a.kr.id, { value: 60, asOf: '2025-04-01' }).catch(() => undefined); // after the end: refused, ignored
    board = await review().board(t.w.cycle.id);
    expect(board.proposalDate).toBe('2025-03-31');
    expect(board.objectives.map((o) => [o.title, o.score, o.proposedOutcome])).toEqual([
      ['Grow sign-ups', 0.75, 'achieved'],
      ['Ship billing', 0.45, 'partially'],
    ]);
  });

  it('the owner confirms the proposed score (or their override); others may not; outside review it is refused', async () => {
    const { a, b } = await scenario();
    expectProblem(
      await t.w.owner.client.post(`${API}/key-results/${a.kr.id}/score-confirmation`),
      409,
      '/problems/conflict',
      'keyResultId',
    );
    expect(await engine().db.select().from(scoreConfirmations)).toEqual([]);

    await t.w.api.patchCycle(t.w.cycle.id, { status: 'review' });
    expect(await review().confirm(a.kr.id)).toMatchObject({ proposedScore: 0.68, score: 0.68 });
    const overridden = await t.w.owner.client.put(`${API}/key-results/${b.kr.id}/score-override`, {
      score: 0.8,
      reason: 'Half shipped to EU',
    });
    expectStatus(overridden, 200);
    expect(await review().confirm(b.kr.id)).toMatchObject({ proposedScore: 1, score: 0.8 });

    const member = await addPerson(t.w.owner.client);
    expectProblem(await member.client.post(`${API}/key-results/${a.kr.id}/score-confirmation`), 403, '/problems/forbidden');
    const board = await review().board(t.w.cycle.id);
    expect(board.keyResults.map((k) => [k.confirmedScore, k.can.confirm])).toEqual([
      [0.68, true],
      [0.8, true],
    ]);
    expect((await new ReviewApi(member.client).board(t.w.cycle.id)).keyResults).toEqual([]); // nothing of theirs to score
    expect((await new ReviewApi(member.client).board(t.w.cycle.id, false)).keyResults.map((k) => k.can.confirm)).toEqual([false, false]);
  });

  it('stores a closing note with cleaned lessons; bad input is refused naming the field and changes nothing', async () => {
    const { a } = await scenario();
    expectProblem(
      await t.w.owner.client.put(`${API}/objectives/${a.objective.id}/closing-note`, NOTE),
      409,
      '/problems/conflict',
      'objectiveId',
    );
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'review' });
    const note = await review().note(a.objective.id);
    expect(note).toMatchObject({
      outcome: 'partially',
      next: 'carry_over',
      lessons: [{ text: NOTE.lessons![0]!.text, tags: ['data', 'planning'] }],
    });
    const read = await t.w.owner.client.get(`${API}/objectives/${a.objective.id}/closing-note`);
    expect(read.body).toEqual(note);
    // The note's lesson is in the lessons library, found by a word of it, with the objective's outcome.
    const word = NOTE.lessons![0]!.text.split(/\s+/).find((w) => w.length > 5)!;
    const found = await t.w.owner.client.get<{ objectiveId: string; outcome: string; tags: string[] }[]>(
      `${API}/lessons?q=${encodeURIComponent(word)}`,
    );
    expectStatus(found, 200);
    expect(found.body.map((l) => [l.objectiveId, l.outcome, l.tags])).toEqual([[a.objective.id, 'partially', ['data', 'planning']]]);

    const put = (body: unknown) => t.w.owner.client.put(`${API}/objectives/${a.objective.id}/closing-note`, body);
    const cases: [unknown, string][] = [
      [{ ...NOTE, outcome: 'great' }, 'outcome'],
      [{ ...NOTE, next: 'later' }, 'next'],
      [{ ...NOTE, whatWorked: 'x'.repeat(4001) }, 'whatWorked'],
      [{ ...NOTE, lessons: [{ text: 'y'.repeat(501), tags: [] }] }, 'lessons[0].text'],
      [{ ...NOTE, lessons: [{ text: 'ok', tags: ['z'.repeat(41)] }] }, 'lessons[0].tags[0]'],
      [{ ...NOTE, lessons: Array.from({ length: 21 }, () => ({ text: 'again', tags: [] })) }, 'lessons'],
    ];
    for (const [body, field] of cases) expectProblem(await put(body), 400, '/problems/validation-failed', field);
    const stored = await engine().db.select().from(closingNotes);
    expect(stored.map((n) => [n.outcome, n.lessons.length])).toEqual([['partially', 1]]);
    expect(await engine().db.select().from(lessons)).toHaveLength(1);

    const member = await addPerson(t.w.owner.client);
    expectProblem(await member.client.put(`${API}/objectives/${a.objective.id}/closing-note`, NOTE), 403, '/problems/forbidden');
  });
});
