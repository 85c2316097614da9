import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, notifications, outbox } from '../../src/db/schema/index.js';
import { OkrApi, percent } from '../okrs/support.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization, type Person } from '../support/fixtures.js';
import { addChampion } from './support.js';

describeEachEngine('review requests on draft objectives', (engine) => {
  const t = useOrganization(engine);

  /** Sales with a lead who drafts, a plain member, a champion, and a draft team objective with one key result. */
  async function draftingTeam() {
    const sales = await createTeam(t.owner.client, { name: 'Sales' });
    const drafter = await addPerson(t.owner.client, { name: 'Dana Drafter', teamId: sales.id });
    expectStatus(await t.owner.client.patch(`/api/v1/teams/${sales.id}/members/${drafter.user.id}`, { role: 'lead' }), 200);
    const member = await addPerson(t.owner.client, { name: 'Mo Member', teamId: sales.id });
    const champion = await addChampion(t.owner.client);
    const cycle = await new OkrApi(t.owner.client).createCycle({ name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31' });
    const api = new OkrApi(drafter.client);
    const draft = await api.createObjective({ cycleId: cycle.id, title: 'Win the northern region', teamId: sales.id });
    // A unit, so the quality gate has nothing to block: only the approval holds it.
    await api.createKeyResult(draft.id, { ...percent('Northern revenue share'), unit: '%' });
    return { sales, drafter, member, champion, cycle, api, draft };
  }

  const ask = (who: Person, objectiveId: string, body: Record<string, unknown>) =>
    who.client.post(`/api/v1/objectives/${objectiveId}/review-requests`, body);

  const reviewNotices = async (userId: string) =>
    (await engine().db.select().from(notifications).where(eq(notifications.userId, userId))).filter((n) => n.kind === 'review');

  it('asks a champion for a review: listed on the objective and among the reviews asked of them, the champion notified', async () => {
    const { drafter, champion, draft } = await draftingTeam();
    expect((await new OkrApi(drafter.client).objective(draft.id)).can).toMatchObject({ requestReview: true, decideReview: true });
    expect((await new OkrApi(champion.client).objective(draft.id)).can).toMatchObject({ requestReview: false, decideReview: true });

    const asked = await ask(drafter, draft.id, { reviewerId: champion.user.id, note: 'Is the key result ambitious enough?' });
    expectStatus(asked, 201);
    expect(asked.body).toMatchObject({ status: 'open', reviewerId: champion.user.id, requestedBy: drafter.user.id, decidedAt: null });

    const listed = await drafter.client.get(`/api/v1/objectives/${draft.id}/review-requests`);
    expectStatus(listed, 200);
    expect(listed.body.requests).toEqual([
      expect.objectContaining({
        id: asked.body.id,
        reviewerName: 'Chris Champion',
        requestedByName: 'Dana Drafter',
        can: { decide: false, withdraw: true },
      }),
    ]);
    const names = listed.body.reviewers.map((r: { name: string }) => r.name);
    expect(names[0], 'champions first').toBe('Chris Champion');
    expect(names).not.toContain('Dana Drafter');
    expect(names).not.toContain('Mo Member');
    expect(listed.body).toMatchObject({ approvalRequired: false, approved: false });

    const mine = await champion.client.get('/api/v1/review-requests?mine=to-review');
    expectStatus(mine, 200);
    expect(mine.body.requests).toEqual([
      expect.objectContaining({ id: asked.body.id, objectiveTitle: 'Win the northern region', can: { decide: true, withdraw: false } }),
    ]);
    expect((await drafter.client.get('/api/v1/review-requests?mine=to-review')).body.requests).toEqual([]);
    expectProblem(await champion.client.get('/api/v1/review-requests?mine=everything'), 400, '/problems/validation-failed', 'mine');

    const told = await reviewNotices(champion.user.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: 'Dana Drafter asks you to review “Win the northern region”', link: `/objectives/${draft.id}` });
    const rows = await engine()
      .db.select()
      .from(activities)
      .where(and(eq(activities.entityId, draft.id), eq(activities.action, 'objective.review-requested')));
    expect(rows).toHaveLength(1);
  });

  it('refuses a reviewer who is no champion, admin or lead of the team, oneself, a second open request and a non-editor', async () => {
    const { drafter, member, champion, draft } = await draftingTeam();
    expectProblem(await ask(drafter, draft.id, { reviewerId: member.user.id }), 422, '/problems/validation-failed', 'reviewerId');
    expectProblem(await ask(drafter, draft.id, { reviewerId: drafter.user.id }), 422, '/problems/validation-failed', 'reviewerId');
    expectProblem(await ask(drafter, draft.id, { reviewerId: 'nobody' }), 422, '/problems/validation-failed', 'reviewerId');
    expectProblem(await ask(drafter, draft.id, {}), 400, '/problems/validation-failed', 'reviewerId');

    expectStatus(await ask(drafter, draft.id, { reviewerId: champion.user.id }), 201);
    expectProblem(await ask(drafter, draft.id, { reviewerId: champion.user.id }), 409, '/problems/conflict', 'reviewerId');
    expectStatus(await ask(drafter, draft.id, { reviewerId: t.owner.user.id }), 201);
    expectProblem(await ask(member, draft.id, { reviewerId: champion.user.id }), 403, '/problems/forbidden');
  });

  it('lets only the named reviewer decide; the comment lands among the objective’s comments and the drafter is told', async () => {
    const { drafter, champion, draft } = await draftingTeam();
    const asked = await ask(drafter, draft.id, { reviewerId: champion.user.id });
    const decide = (who: Person, body: Record<string, unknown>) =>
      who.client.post(`/api/v1/review-requests/${asked.body.id}/decision`, body);

    expectProblem(await decide(drafter, { decision: 'approve' }), 403, '/problems/forbidden');
    expectProblem(await decide(t.owner, { decision: 'approve' }), 403, '/problems/forbidden');
    expectProblem(await decide(champion, { decision: 'maybe' }), 400, '/problems/validation-failed', 'decision');

    const approved = await decide(champion, { decision: 'approve', comment: 'Clear and measurable: go ahead.' });
    expectStatus(approved, 200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expectProblem(await decide(champion, { decision: 'request_changes' }), 409, '/problems/conflict', 'decision');

    const comments = await drafter.client.get(`/api/v1/comments?targetType=objective&targetId=${draft.id}`);
    expect(comments.body).toEqual([expect.objectContaining({ body: 'Clear and measurable: go ahead.', authorId: champion.user.id })]);
    const told = await reviewNotices(drafter.user.id);
    expect(told).toEqual([expect.objectContaining({ title: 'Chris Champion approved “Win the northern region”' })]);
    expect((await champion.client.get('/api/v1/review-requests?mine=to-review')).body.requests, 'no longer open').toEqual([]);
    const decided = await engine()
      .db.select()
      .from(activities)
      .where(and(eq(activities.entityId, draft.id), eq(activities.action, 'objective.review-decided')));
    expect(decided).toHaveLength(1);
  });

  it('lets the drafter who asked, or an admin, withdraw an open request: the reviewer’s notice goes; decided ones stay', async () => {
    const { drafter, member, champion, draft } = await draftingTeam();
    const asked = await ask(drafter, draft.id, { reviewerId: champion.user.id, note: 'Quick look?' });
    expectStatus(asked, 201);
    const withdraw = (who: Person, id: string) => who.client.post(`/api/v1/review-requests/${id}/withdraw`);
    const mail = () =>
      engine()
        .db.select()
        .from(outbox)
        .where(eq(outbox.dedupeKey, `email:${champion.user.id}:review:${asked.body.id}`));
    expect(await reviewNotices(champion.user.id)).toHaveLength(1);
    expect(await mail(), 'the reviewer’s e-mail was queued').toHaveLength(1);

    expectProblem(await withdraw(member, asked.body.id), 403, '/problems/forbidden');
    expectProblem(await withdraw(champion, asked.body.id), 403, '/problems/forbidden');
    expectProblem(await withdraw(drafter, '00000000-0000-4000-8000-000000000000'), 404, '/problems/not-found');

    const done = await withdraw(drafter, asked.body.id);
    expectStatus(done, 200);
    expect(done.body).toMatchObject({ id: asked.body.id, status: 'withdrawn', decidedAt: expect.any(String) });
    expect(await reviewNotices(champion.user.id), 'the reviewer’s notice is removed').toEqual([]);
    expect(
      (await mail()).filter((m) => m.status === 'pending'),
      'its unsent e-mail too',
    ).toEqual([]);
    expect((await champion.client.get('/api/v1/review-requests?mine=to-review')).body.requests).toEqual([]);
    const listed = await drafter.client.get(`/api/v1/objectives/${draft.id}/review-requests`);
    expect(listed.body.requests).toEqual([
      expect.objectContaining({ id: asked.body.id, status: 'withdrawn', can: { decide: false, withdraw: false } }),
    ]);
    const rows = await engine()
      .db.select()
      .from(activities)
      .where(and(eq(activities.entityId, draft.id), eq(activities.action, 'objective.review-withdrawn')));
    expect(rows).toEqual([expect.objectContaining({ actorId: drafter.user.id })]);

    expectProblem(await withdraw(drafter, asked.body.id), 409, '/problems/conflict', 'status');
    expectProblem(
      await champion.client.post(`/api/v1/review-requests/${asked.body.id}/decision`, { decision: 'approve' }),
      409,
      '/problems/conflict',
      'decision',
    );

    // The same reviewer can be asked again; an admin may withdraw that one, but nobody a decided request.
    const again = await ask(drafter, draft.id, { reviewerId: champion.user.id });
    expectStatus(again, 201);
    expectStatus(await withdraw(t.owner, again.body.id), 200);
    const third = await ask(drafter, draft.id, { reviewerId: champion.user.id });
    expectStatus(await champion.client.post(`/api/v1/review-requests/${third.body.id}/decision`, { decision: 'approve' }), 200);
    expectProblem(await withdraw(drafter, third.body.id), 409, '/problems/conflict', 'status');
    expectProblem(await withdraw(t.owner, third.body.id), 409, '/problems/conflict', 'status');
  });

  it('holds a team objective in draft until a reviewer approves it when approval is required; company objectives are exempt', async () => {
    const { drafter, champion, draft, cycle } = await draftingTeam();
    const on = await champion.client.patch('/api/v1/rollout/settings', { approvalRequired: true });
    expectStatus(on, 200);
    expect(on.body).toEqual({ companyOkrsFirst: false, approvalRequired: true });

    const publish = () => drafter.client.patch(`/api/v1/objectives/${draft.id}`, { status: 'active' });
    const refused = expectProblem(await publish(), 409, '/problems/approval-required', 'status');
    expect(refused.detail).toMatch(/Approval is required/);
    expect((await drafter.client.get(`/api/v1/objectives/${draft.id}/review-requests`)).body).toMatchObject({
      approvalRequired: true,
      approved: false,
    });

    const first = await ask(drafter, draft.id, { reviewerId: champion.user.id });
    const changes = await champion.client.post(`/api/v1/review-requests/${first.body.id}/decision`, {
      decision: 'request_changes',
      comment: 'Name the region’s baseline.',
    });
    expectStatus(changes, 200);
    expect(changes.body.status).toBe('changes_requested');
    expectProblem(await publish(), 409, '/problems/approval-required', 'status');

    const second = await ask(drafter, draft.id, { reviewerId: champion.user.id });
    expectStatus(second, 201);
    expectStatus(await champion.client.post(`/api/v1/review-requests/${second.body.id}/decision`, { decision: 'approve' }), 200);
    const published = await publish();
    expectStatus(published, 200);
    expect(published.body.status).toBe('active');
    expect((await new OkrApi(drafter.client).objective(draft.id)).can.requestReview, 'no review of a published objective').toBe(false);

    const owner = new OkrApi(t.owner.client);
    const company = await owner.createObjective({ cycleId: cycle.id, title: 'Become the region’s first choice' });
    await owner.createKeyResult(company.id, { ...percent('Market share'), unit: '%' });
    expectStatus(await t.owner.client.patch(`/api/v1/objectives/${company.id}`, { status: 'active' }), 200);
  });

  it('lets a lead of the team review a member’s draft', async () => {
    const { sales, drafter, member, cycle } = await draftingTeam();
    const mine = await new OkrApi(member.client).createObjective({
      cycleId: cycle.id,
      title: 'Call every lapsed customer',
      teamId: sales.id,
      ownerId: member.user.id,
    });
    const asked = await ask(member, mine.id, { reviewerId: drafter.user.id });
    expectStatus(asked, 201);
    expect(await reviewNotices(drafter.user.id)).toHaveLength(1);
  });
});
