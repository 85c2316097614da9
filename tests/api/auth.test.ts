import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, setUpOrganization, useOrganization } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

describeEachEngine('sign-in, sign-out and the login throttle', (engine) => {
  const t = useOrganization(engine);

  const signIn = (browser: Client, email: string, password: string) => browser.post('/api/auth/sign-in/email', { email, password });

  it('signs in with email and password, and the cookie opens /api/v1/me', async () => {
    const browser = new Client(t.server.url);
    const response = await signIn(browser, t.owner.user.email, t.owner.password);
    expectStatus(response, 200);
    expect(browser.cookies.get('cairn.session_token')).toBeTruthy();
    const me = await browser.get('/api/v1/me');
    expectStatus(me, 200);
    expect(me.body.user).toMatchObject({ id: t.owner.user.id, role: 'owner' });
  });

  it('refuses a wrong password with 401 and no session', async () => {
    const browser = new Client(t.server.url);
    const response = await signIn(browser, t.owner.user.email, 'wrong password!');
    // problem+json like the rest of the API, without saying whether the email exists.
    expectProblem(response, 401, '/problems/invalid-credentials', 'password');
    expectProblem(await signIn(browser, 'nobody@example.test', 'wrong password!'), 401, '/problems/invalid-credentials', 'password');
    expectProblem(await signIn(browser, 'not-an-email', 'wrong password!'), 400, '/problems/validation-failed', 'email');
    expect(browser.cookies.size).toBe(0);
    expectProblem(await browser.get('/api/v1/me'), 401, '/problems/unauthenticated');
  });

  it('without a session, /api/v1 answers 401 problem+json', async () => {
    expectProblem(await new Client(t.server.url).get('/api/v1/me'), 401, '/problems/unauthenticated');
    expectProblem(await new Client(t.server.url).get('/api/v1/teams'), 401, '/problems/unauthenticated');
  });

  it('sign-out ends the session on the server, not just in the browser', async () => {
    const browser = new Client(t.server.url);
    expectStatus(await signIn(browser, t.owner.user.email, t.owner.password), 200);
    const stolen = browser.copy();
    const out = await browser.post('/api/auth/sign-out');
    expectStatus(out, 200);
    expect(browser.cookies.has('cairn.session_token')).toBe(false);
    expectProblem(await browser.get('/api/v1/me'), 401, '/problems/unauthenticated');
    // The old cookie replayed is dead too.
    expectProblem(await stolen.get('/api/v1/me'), 401, '/problems/unauthenticated');
    // Only this browser's session ended: the owner's setup session still works.
    expectStatus(await t.owner.client.get('/api/v1/me'), 200);
  });

  it('refuses cookie-carrying auth requests from another site or an opaque origin (CSRF)', async () => {
    const fromEvil = await t.owner.client.post('/api/auth/sign-out', undefined, { headers: { origin: 'http://evil.example' } });
    expect(fromEvil.status).toBe(403);
    const opaque = await t.owner.client.post('/api/auth/sign-out', undefined, { headers: { origin: 'null' } });
    expect(opaque.status).toBe(403);
    expectStatus(await t.owner.client.get('/api/v1/me'), 200);
    expect(await engine().db.select().from(sessions).where(eq(sessions.userId, t.owner.user.id))).toHaveLength(1);
  });

  it('public sign-up is not available', async () => {
    const response = await new Client(t.server.url).post('/api/auth/sign-up/email', {
      email: 'new@example.test',
      password: 'a long password',
      name: 'New',
    });
    expectProblem(response, 404, '/problems/not-found');
  });

  it('after 5 wrong passwords the 6th attempt is 429 with retry-after, even with the right password', async () => {
    const browser = new Client(t.server.url);
    for (let i = 0; i < 5; i++) expectStatus(await signIn(browser, t.owner.user.email, `wrong password ${i}`), 401);
    const blocked = await signIn(browser, t.owner.user.email, t.owner.password);
    expectProblem(blocked, 429, '/problems/rate-limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(browser.cookies.size).toBe(0);
    // The email is matched however it is written.
    expectProblem(await signIn(browser, `  ${t.owner.user.email.toUpperCase()} `, t.owner.password), 429, '/problems/rate-limited');
    // No session was created by the blocked attempts (only the one from setup exists).
    expect(await engine().db.select().from(sessions).where(eq(sessions.userId, t.owner.user.id))).toHaveLength(1);
  });

  it('the throttle is per email: other people still sign in', async () => {
    const member = await addPerson(t.owner.client);
    for (let i = 0; i < 5; i++) expectStatus(await signIn(new Client(t.server.url), t.owner.user.email, 'wrong password!'), 401);
    expectProblem(await signIn(new Client(t.server.url), t.owner.user.email, t.owner.password), 429, '/problems/rate-limited');
    expectStatus(await signIn(new Client(t.server.url), member.user.email, member.password), 200);
  });

  it('a successful sign-in clears earlier failures', async () => {
    for (let i = 0; i < 4; i++) expectStatus(await signIn(new Client(t.server.url), t.owner.user.email, 'wrong password!'), 401);
    expectStatus(await signIn(new Client(t.server.url), t.owner.user.email, t.owner.password), 200);
    for (let i = 0; i < 4; i++) expectStatus(await signIn(new Client(t.server.url), t.owner.user.email, 'wrong password!'), 401);
    expectStatus(await signIn(new Client(t.server.url), t.owner.user.email, t.owner.password), 200);
  });
});

describeEachEngine('login throttle settings', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine().handle, { config: { loginMaxFailures: 2, loginWindowSeconds: 60 } });
  });
  afterAll(() => server?.close());

  it('honours loginMaxFailures and loginWindowSeconds', async () => {
    const { owner } = await setUpOrganization(server.url);
    const browser = new Client(server.url);
    for (let i = 0; i < 2; i++)
      expectStatus(await browser.post('/api/auth/sign-in/email', { email: owner.user.email, password: 'wrong password!' }), 401);
    const blocked = await browser.post('/api/auth/sign-in/email', { email: owner.user.email, password: owner.password });
    expectProblem(blocked, 429, '/problems/rate-limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});
