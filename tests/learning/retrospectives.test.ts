import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { lessons, retrospectives } from '../../src/db/schema/index.js';
import { teamsMissingRetrospective } from '../../src/server/services/retrospectives/retrospectives.js';
import type { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

interface Retro {
  id: string;
  teamName: string;
  state: string;
  wentWell: string;
  lessonsText: string;
  participants: { id: string; name: string }[];
  actions: { text: string; ownerId: string; dueDate: string; done: boolean; id: string }[];
  can: { edit: boolean };
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** One editor: a Y.Doc that sends each local change as an update, and can pull the merged state. */
class Editor {
  readonly doc = new Y.Doc();
  constructor(
    readonly client: Client,
    readonly id: string,
  ) {}
  async type(field: string, text: string, at = this.doc.getText(field).length) {
    const before = Y.encodeStateVector(this.doc);
    this.doc.getText(field).insert(at, text);
    return this.client.post(`${API}/retrospectives/${this.id}/updates`, { update: toBase64(Y.encodeStateAsUpdate(this.doc, before)) });
  }
  async pull() {
    const response = await this.client.get<Retro>(`${API}/retrospectives/${this.id}`);
    expectStatus(response, 200);
    Y.applyUpdate(this.doc, new Uint8Array(Buffer.from(response.body.state, 'base64')));
    return response.body;
  }
}

describeEachEngine('Retrospectives', (engine) => {
  const t = useOkrWorld(engine, '2025-03-25');

  async function world() {
    const { w } = t;
    const growth = await createTeam(w.owner.client, { name: 'Growth' });
    const design = await createTeam(w.owner.client, { name: 'Design' });
    const gina = await addPerson(w.owner.client, { teamId: growth.id, name: 'Gina Growth' });
    const dan = await addPerson(w.owner.client, { teamId: design.id, name: 'Dan Design' });
    const objective = await w.api.createPublished({ cycleId: w.cycle.id, title: 'Double sign-ups', teamId: growth.id });
    return { growth, design, gina, dan, objective };
  }

  const open = (client: Client, body: object) => client.post<Retro>(`${API}/cycles/${t.w.cycle.id}/retrospectives`, body);

  it('one per team with objectives in the cycle; a team without any is refused naming teamId; the close gate lists the rest', async () => {
    const { growth, design, gina } = await world();
    expect(await teamsMissingRetrospective(engine().db, t.w.orgId, t.w.cycle.id, null)).toEqual([
      { teamId: growth.id, teamName: 'Growth' },
    ]);
    expectProblem(await open(t.w.owner.client, { teamId: design.id }), 422, '/problems/validation-failed', 'teamId');
    expectProblem(await open(gina.client, { teamId: design.id }), 422, '/problems/validation-failed', 'teamId');
    const created = await open(gina.client, { teamId: growth.id });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ teamName: 'Growth', state: '', participants: [], actions: [], can: { edit: true } });
    expectProblem(await open(t.w.owner.client, { teamId: growth.id }), 409, '/problems/conflict', 'teamId');
    expect(await teamsMissingRetrospective(engine().db, t.w.orgId, t.w.cycle.id, null)).toEqual([]);
    const listed = await t.w.owner.client.get<{ retrospectives: Retro[]; missingTeams: unknown[] }>(
      `${API}/cycles/${t.w.cycle.id}/retrospectives`,
    );
    expect(listed.body.retrospectives.map((r) => r.teamName)).toEqual(['Growth']);
    expect(listed.body.missingTeams).toEqual([]);
    expect(await engine().db.select().from(retrospectives)).toHaveLength(1);
  });

  it('two editors, one invited from another team, type at once and both see both texts; lessons are indexed', async () => {
    const { growth, gina, dan } = await world();
    const retro = (await open(gina.client, { teamId: growth.id })).body;
    // Dan (Design) may not write until invited.
    expectProblem(await new Editor(dan.client, retro.id).type('wentWell', 'x'), 403, '/problems/forbidden');
    expectStatus(await gina.client.post(`${API}/retrospectives/${retro.id}/participants`, { userId: dan.user.id }), 204);

    const ginaEditor = new Editor(gina.client, retro.id);
    const danEditor = new Editor(dan.client, retro.id);
    // Both type into the same empty field before seeing each other's change: the merge keeps both.
    const [one, two] = await Promise.all([
      ginaEditor.type('wentWell', 'Shipped the referral flow. '),
      danEditor.type('wentWell', 'Design reviews were quick. '),
    ]);
    expectStatus(one, 200);
    expectStatus(two, 200);
    await ginaEditor.type('lessons', 'Invite design to planning #design #planning\nShip referral experiments weekly #experiments');
    const seenByDan = await danEditor.pull();
    const seenByGina = await ginaEditor.pull();
    for (const text of [danEditor.doc.getText('wentWell').toString(), seenByDan.wentWell, seenByGina.wentWell]) {
      expect(text).toContain('Shipped the referral flow.');
      expect(text).toContain('Design reviews were quick.');
    }
    expect(ginaEditor.doc.getText('wentWell').toString()).toBe(danEditor.doc.getText('wentWell').toString());
    expect(seenByDan.participants).toEqual([{ id: dan.user.id, name: 'Dan Design' }]);
    const indexed = await engine().db.select().from(lessons).where(eq(lessons.sourceId, retro.id));
    expect(indexed.map((l) => [l.text, l.tags, l.sourceKind, l.teamId])).toEqual([
      ['Invite design to planning', ['design', 'planning'], 'retrospective', growth.id],
      ['Ship referral experiments weekly', ['experiments'], 'retrospective', growth.id],
    ]);
    const found = await gina.client.get<{ text: string }[]>(`${API}/lessons?q=experiment`);
    expect(found.body.map((l) => l.text)).toEqual(['Ship referral experiments weekly']);
  });

  it('refuses a lesson over 500 characters or a non-Yjs update, changing nothing', async () => {
    const { growth, gina } = await world();
    const retro = (await open(gina.client, { teamId: growth.id })).body;
    const editor = new Editor(gina.client, retro.id);
    expectStatus(await editor.type('lessons', 'Keep it short'), 200);
    expectProblem(await editor.type('lessons', `\n${'x'.repeat(501)}`), 422, '/problems/validation-failed', 'lessons[1].text');
    expectProblem(
      await gina.client.post(`${API}/retrospectives/${retro.id}/updates`, { update: 'bm90IHlqcw==' }),
      422,
      '/problems/validation-failed',
      'update',
    );
    const stored = (await new Editor(gina.client, retro.id).pull()).lessonsText;
    expect(stored).toBe('Keep it short');
    expect((await engine().db.select().from(lessons)).map((l) => l.text)).toEqual(['Keep it short']);
  });

  it('actions have an owner and a due date and appear in that person’s week until done', async () => {
    const { growth, gina, dan } = await world();
    const retro = (await open(gina.client, { teamId: growth.id })).body;
    const add = (body: object) => gina.client.post<Retro['actions'][number]>(`${API}/retrospectives/${retro.id}/actions`, body);
    expectProblem(
      await add({ text: 'Book a design slot', ownerId: dan.user.id, dueDate: '2025-13-01' }),
      400,
      '/problems/validation-failed',
      'dueDate',
    );
    expectProblem(
      await add({ text: 'Book a design slot', ownerId: 'nobody', dueDate: '2025-04-10' }),
      422,
      '/problems/validation-failed',
      'ownerId',
    );
    const later = await add({ text: 'Write the experiment guide', ownerId: dan.user.id, dueDate: '2025-04-20' });
    const sooner = await add({ text: 'Book a design slot', ownerId: dan.user.id, dueDate: '2025-04-10' });
    expectStatus(sooner, 201);
    const week = async () => (await dan.client.get<{ text: string; teamName: string }[]>(`${API}/retrospective-actions/mine`)).body;
    expect((await week()).map((a) => [a.text, a.teamName])).toEqual([
      ['Book a design slot', 'Growth'],
      ['Write the experiment guide', 'Growth'],
    ]);
    expect((await gina.client.get<unknown[]>(`${API}/retrospective-actions/mine`)).body).toEqual([]);
    expectStatus(await dan.client.patch(`${API}/retrospective-actions/${sooner.body.id}`, { done: true }), 200);
    expect((await week()).map((a) => a.text)).toEqual(['Write the experiment guide']);
    expect(later.body.done).toBe(false);
  });
});
