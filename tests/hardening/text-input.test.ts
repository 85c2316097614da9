import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { useSocialWorld } from '../social/support.js';
import { API } from '../okrs/support.js';

const LONE_HIGH = '\uD800';

describeEachEngine('NUL and lone surrogates in any input', (engine) => {
  const t = useSocialWorld(engine);

  it('refuses NUL in a body string with 400 naming the field', async () => {
    const { owner, objective } = t.w;
    const response = await owner.client.post(`${API}/comments`, { targetType: 'objective', targetId: objective.id, body: 'a\u0000b' });
    expectProblem(response, 400, '/problems/validation-failed', 'body');
  });

  it('refuses NUL nested in a body, in a path parameter and in a query parameter', async () => {
    const { owner, kr } = t.w;
    const nested = await owner.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 10, note: 'x', extra: [{ deep: '\u0000' }] });
    expectProblem(nested, 400, '/problems/validation-failed', 'extra[0].deep');
    expectProblem(await owner.client.get(`${API}/objectives/%00`), 400, '/problems/validation-failed', 'id');
    expectProblem(await owner.client.post(`${API}/admin/jobs/a%00b/run`, {}), 400, '/problems/validation-failed', 'name');
    expectProblem(await owner.client.get(`${API}/attention?personId=%00`), 400, '/problems/validation-failed', 'personId');
  });

  it('stores a lone surrogate in a comment as U+FFFD, and its activity too', async () => {
    const { owner, objective } = t.w;
    const response = await owner.client.post(`${API}/comments`, {
      targetType: 'objective',
      targetId: objective.id,
      body: `hi ${LONE_HIGH}!`,
    });
    expectStatus(response, 201);
    expect(response.body.body).toBe('hi \uFFFD!');
    const feed = await owner.client.get(`${API}/comments?targetType=objective&targetId=${objective.id}`);
    expect(JSON.stringify(feed.body)).toContain('hi \uFFFD!');
  });

  it('refuses JSON nested deeper than 32 levels with 400', async () => {
    const { owner, objective } = t.w;
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const response = await owner.client.request('POST', `${API}/comments`, {
      rawBody: `{"targetType":"objective","targetId":"${objective.id}","body":"x","more":${deep}}`,
    });
    expectProblem(response, 400, '/problems/validation-failed');
  });
});

describeEachEngine('an empty organisation patch', (engine) => {
  const t = useSocialWorld(engine);

  it('answers the organisation unchanged instead of 500', async () => {
    const response = await t.w.owner.client.patch(`${API}/organization`, {});
    expectStatus(response, 200);
    expect(response.body.name).toBe('Acme');
  });
});
