import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

describeEachEngine('health, API description and errors', (engine) => {
  let server: TestServer;
  let owner: Person;
  beforeAll(async () => {
    await engine().reset();
    server = await startTestServer(engine().handle);
    ({ owner } = await setUpOrganization(server.url));
  });
  afterAll(() => server?.close());

  it('/api/health reports ok and the engine in use', async () => {
    const response = await new Client(server.url).get('/api/health');
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ status: 'ok', database: { engine: engine().kind, ok: true, latencyMs: expect.any(Number) } });
  });

  it('/api/openapi.json is OpenAPI 3.1 and documents the API', async () => {
    const response = await new Client(server.url).get('/api/openapi.json');
    expectStatus(response, 200);
    expect(response.body.openapi).toMatch(/^3\.1/);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/teams', '/api/v1/tokens', '/api/v1/setup', '/api/v1/users/{id}', '/api/health']),
    );
    expect(response.body.paths['/api/v1/teams'].post.requestBody).toBeDefined();
    // Internal routes stay out of the description.
    expect(paths.some((p) => p.startsWith('/api/auth'))).toBe(false);
    expect(paths).not.toContain('/api/openapi.json');
  });

  it('/api/docs serves the interactive documentation', async () => {
    const response = await new Client(server.url).get('/api/docs');
    expectStatus(response, 200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.text).toMatch(/swagger/i);
  });

  it('an unknown /api/v1 path is a 404 problem, signed in or not', async () => {
    const anonymous = await new Client(server.url).get('/api/v1/no-such-thing?x=1');
    const problem = expectProblem(anonymous, 404, '/problems/not-found');
    expect(problem.detail).toContain('/api/v1/no-such-thing');
    expect(problem.detail).not.toContain('x=1');
    expectProblem(await owner.client.get('/api/v1/no-such-thing'), 404, '/problems/not-found');
    expectProblem(await owner.client.post('/api/nothing-here', {}), 404, '/problems/not-found');
  });

  it('a malformed JSON body is a 400 problem', async () => {
    const response = await owner.client.request('POST', '/api/v1/teams', { rawBody: '{"name": "Broken",' });
    const problem = expectProblem(response, 400, '/problems/bad-request');
    expect(problem.title).toBe('Bad request');
    expect(problem.detail).toMatch(/JSON/);
    expect((await owner.client.get('/api/v1/teams')).body).toEqual([]);
    // The same before authentication and on the Better Auth routes.
    expectProblem(
      await new Client(server.url).request('POST', '/api/v1/setup', { rawBody: 'not json at all' }),
      400,
      '/problems/bad-request',
    );
    expectProblem(
      await new Client(server.url).request('POST', '/api/auth/sign-in/email', { rawBody: '{"email": "x' }),
      400,
      '/problems/bad-request',
    );
  });

  it('a wrong body type is a 400 validation problem naming the body', async () => {
    const response = await owner.client.post('/api/v1/teams', ['not', 'an', 'object']);
    expectProblem(response, 400, '/problems/validation-failed', 'body');
  });

  it('a body over the limit is refused', async () => {
    const response = await owner.client.post('/api/v1/teams', { name: 'Big', description: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(413);
  });

  it('non-API paths are not answered with problem+json', async () => {
    const response = await new Client(server.url).get('/teams/some-page');
    expect(response.status).toBeLessThan(400);
    expect(response.headers.get('content-type')).not.toMatch(/problem\+json/);
  });
});
