import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginFailures, sessions, users } from '../../src/db/schema/index.js';
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

  it('only the Better Auth endpoints Cairn uses are reachable: update-user, change-password and verify-password are 404', async () => {
    const browser = new Client(t.server.url);
    expectStatus(await signIn(browser, t.owner.user.email, t.owner.password), 200);
    const before = (await engine().db.select().from(users).where(eq(users.id, t.owner.user.id)))[0]!;
    expectProblem(await browser.post('/api/auth/update-user', { name: 'x'.repeat(50_000) }), 404, '/problems/not-found');
    // A NUL is refused before any route, naming the field (tests/hardening/text-input.test.ts).
    expectProblem(await browser.post('/api/auth/update-user', { name: 'Olivia\u0000Owner' }), 400, '/problems/validation-failed', 'name');
    expectProblem(
      await browser.post('/api/auth/change-password', { currentPassword: t.owner.password, newPassword: 'a-brand-new-password' }),
      404,
      '/problems/not-found',
    );
    for (let i = 0; i < 3; i++)
      expectProblem(await browser.post('/api/auth/verify-password', { password: `guess ${i}` }), 404, '/problems/not-found');
    expect((await engine().db.select().from(users).where(eq(users.id, t.owner.user.id)))[0]).toEqual(before);
    // The password did not change: the old one still signs in.
    expectStatus(await signIn(new Client(t.server.url), t.owner.user.email, t.owner.password), 200);
    // What the web app uses still works.
    expectStatus(await browser.get('/api/auth/get-session'), 200);
    expectStatus(await browser.post('/api/auth/sign-out', {}), 200);
  });

  it('deeply nested, NUL-carrying or oversized sign-in bodies are problems, never 500', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    for (const rawBody of [`{"email": ${deep}, "password": "x"}`, `{"email": "a@b.test", "password": "x", "extra": ${deep}}`, deep]) {
      const response = await new Client(t.server.url).request('POST', '/api/auth/sign-in/email', { rawBody });
      expect(response.status, response.text.slice(0, 200)).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expectProblem(
      await signIn(new Client(t.server.url), `${t.owner.user.email}\u0000`, t.owner.password),
      400,
      '/problems/validation-failed',
      'email',
    );
    expectProblem(
      await signIn(new Client(t.server.url), t.owner.user.email, 'p'.repeat(50_000)),
      422,
      '/problems/validation-failed',
      'password',
    );
  });

  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
  const signInFrom = (address: string, email: string, password: string) =>
    new Client(t.server.url).post('/api/auth/sign-in/email', { email, password }, from(address));

  it('after 5 wrong passwords this client waits, even with the right password; the owner signs in from elsewhere', async () => {
    const browser = new Client(t.server.url);
    for (let i = 0; i < 5; i++) expectStatus(await signIn(browser, t.owner.user.email, `wrong password ${i}`), 401);
    const blocked = await signIn(browser, t.owner.user.email, t.owner.password);
    expectProblem(blocked, 429, '/problems/rate-limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(browser.cookies.size).toBe(0);
    // The email is matched however it is written.
    expectProblem(await signIn(browser, `  ${t.owner.user.email.toUpperCase()} `, t.owner.password), 429, '/problems/rate-limited');
    // No session was created by the blocked attempts (only the one from setup exists).
    expect(await engine().db.select().from(sessions).where(eq(sessions.userId, t.owner.user.id))).toHaveLength(1);
    // Failing against someone's email does not lock them out: the right password from a client that has not failed works.
    expectStatus(await signInFrom('203.0.113.7', t.owner.user.email, t.owner.password), 200);
  });

  it('each further failure doubles the wait', async () => {
    const address = '203.0.113.20';
    for (let i = 0; i < 5; i++) expectStatus(await signInFrom(address, t.owner.user.email, 'wrong password!'), 401);
    expect(Number((await signInFrom(address, t.owner.user.email, t.owner.password)).headers.get('retry-after'))).toBeLessThanOrEqual(30);
    // Let the wait pass, then fail once more: the next wait is twice as long.
    await engine()
      .db.update(loginFailures)
      .set({ blockedUntil: new Date(Date.now() - 1000) });
    expectStatus(await signInFrom(address, t.owner.user.email, 'wrong password!'), 401);
    const longer = await signInFrom(address, t.owner.user.email, t.owner.password);
    expectProblem(longer, 429, '/problems/rate-limited');
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(30);
    expect(Number(longer.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('a client address failing across many accounts is slowed too', async () => {
    const address = '203.0.113.30';
    for (let i = 0; i < 20; i++) expectStatus(await signInFrom(address, `nobody-${i}@example.test`, 'wrong password!'), 401);
    expectProblem(await signInFrom(address, t.owner.user.email, t.owner.password), 429, '/problems/rate-limited');
    expectStatus(await signInFrom('203.0.113.31', t.owner.user.email, t.owner.password), 200);
  });

  it('the throttle is shared by every server process on one database', async () => {
    const other = await startTestServer(engine().handle);
    try {
      const address = '203.0.113.40';
      for (let i = 0; i < 5; i++) expectStatus(await signInFrom(address, t.owner.user.email, 'wrong password!'), 401);
      const elsewhere = await new Client(other.url).post(
        '/api/auth/sign-in/email',
        { email: t.owner.user.email, password: t.owner.password },
        from(address),
      );
      expectProblem(elsewhere, 429, '/problems/rate-limited');
    } finally {
      await other.close();
    }
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

describeEachEngine('whose X-Forwarded-For names the client', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    // As if Cairn faced the internet directly: no proxy is trusted.
    server = await startTestServer(engine().handle, { config: { loginMaxFailures: 2, trustProxy: false } });
  });
  afterAll(() => server?.close());

  it('ignores a forged X-Forwarded-For when no proxy is trusted, so a failing client cannot pose as a fresh one', async () => {
    const { owner } = await setUpOrganization(server.url);
    const signInFrom = (address: string, password: string) =>
      new Client(server.url).post(
        '/api/auth/sign-in/email',
        { email: owner.user.email, password },
        { headers: { 'x-forwarded-for': address } },
      );
    for (let i = 0; i < 2; i++) expectStatus(await signInFrom('203.0.113.90', 'wrong password!'), 401);
    expectProblem(await signInFrom('203.0.113.91', owner.password), 429, '/problems/rate-limited');
  });
});
