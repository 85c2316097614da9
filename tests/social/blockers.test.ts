import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, type Person } from '../support/fixtures.js';
import { API, MISSING_ID, TestClock } from '../okrs/support.js';
import { mention, notificationsOf, useSocialWorld } from './support.js';

describeEachEngine('a check-in with a blocker reaches the people who can remove it', (engine) => {
  const clock = new TestClock('2025-02-10');
  const t = useSocialWorld(engine, { clock: clock.now });

  /** Lena leads Support; Mo is in no team. */
  async function people(): Promise<{ lena: Person; mo: Person }> {
    const lena = await addPerson(t.w.owner.client, { name: 'Lena Lead', teamId: t.w.team.id });
    expectStatus(await t.w.owner.client.patch(`${API}/teams/${t.w.team.id}/members/${lena.user.id}`, { role: 'lead' }), 200);
    const mo = await addPerson(t.w.owner.client, { name: 'Mo Finance' });
    return { lena, mo };
  }
  const checkIn = (person: Person, blockers: string | null) =>
    person.client.post(`${API}/key-results/${t.w.kr.id}/check-ins`, { value: 10, confidence: 5, blockers });
  const kindsOf = async (person: Person) => (await notificationsOf(person.client)).items.map((n) => `${n.kind}: ${n.title}`);

  it('tells the team lead and the objective owner at once, in-app and by e-mail, and the mentioned as a mention', async () => {
    const { lena, mo } = await people();
    const created = await checkIn(t.w.grace, `Waiting for budget from ${mention(mo)}`);
    expectStatus(created, 201);

    expect(await kindsOf(lena)).toEqual(['blocker: Grace Hopper is blocked on Delight customers']);
    expect(await kindsOf(t.w.owner)).toEqual(['blocker: Grace Hopper is blocked on Delight customers']);
    expect(await kindsOf(mo)).toEqual(['mention: Grace Hopper mentioned you in a blocker on Delight customers']);
    expect(await kindsOf(t.w.grace)).toEqual([]);
    const [toLena] = (await notificationsOf(lena.client)).items;
    expect(toLena).toMatchObject({
      body: `Blocker on “${t.w.kr.title}”: Waiting for budget from @Mo Finance`,
      link: `/objectives/${t.w.objective.id}`,
    });

    const mails = await engine().db.select().from(outbox).where(eq(outbox.userId, lena.user.id));
    expect(mails.map((m) => m.subject)).toEqual(['Grace Hopper is blocked on Delight customers']);

    const feed = await t.w.owner.client.get(`${API}/feed`);
    const item = feed.body.items.find((i: { kind: string }) => i.kind === 'check_in');
    expect(item.checkIn.blockers).toBe('Waiting for budget from @Mo Finance');
  });

  it('notifies nobody for a check-in without a blocker, and once per person when a check-in is corrected', async () => {
    const { lena } = await people();
    expectStatus(await checkIn(t.w.grace, null), 201);
    expectStatus(await checkIn(t.w.grace, '   '), 201);
    expect(await kindsOf(lena)).toEqual([]);

    const blocked = await checkIn(t.w.grace, 'No access to the CRM');
    const id = blocked.body.id as string;
    expectStatus(await t.w.grace.client.patch(`${API}/check-ins/${id}`, { blockers: 'Still no access to the CRM' }), 200);
    expect(await kindsOf(lena)).toHaveLength(1);

    const quiet = await checkIn(t.w.grace, null);
    expectStatus(await t.w.grace.client.patch(`${API}/check-ins/${quiet.body.id}`, { blockers: 'Now the CRM is down' }), 200);
    expect(await kindsOf(lena)).toHaveLength(2);
  });

  it('the lead who checks in a blocker is not told of their own, and an unknown mention is refused on blockers', async () => {
    const { lena } = await people();
    expectStatus(await checkIn(lena, 'Hiring freeze'), 201);
    expect(await kindsOf(lena)).toEqual([]);
    expect(await kindsOf(t.w.owner)).toEqual(['blocker: Lena Lead is blocked on Delight customers']);

    const refused = await checkIn(t.w.grace, `Ask @[Nobody](${MISSING_ID})`);
    expectProblem(refused, 404, '/problems/not-found', 'blockers');
  });
});
