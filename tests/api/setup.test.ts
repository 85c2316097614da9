import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { organizations, users } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus, PASSWORD } from '../support/fixtures.js';
import { startTestServer, TEST_SETUP_CODE, type TestServer } from '../support/server.js';

const good = {
  organization: 'Acme Rockets',
  name: 'Olivia Owner',
  email: 'Olivia@Example.test',
  password: PASSWORD,
  setupCode: TEST_SETUP_CODE,
};

describeEachEngine('first-run setup API', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine().handle);
  });
  afterAll(() => server?.close());
  beforeEach(() => engine().reset());

  const organizationCount = async () => (await engine().db.select().from(organizations)).length;

  it('says setup is needed on an empty database', async () => {
    const response = await new Client(server.url).get('/api/v1/setup');
    expectStatus(response, 200);
    expect(response.body).toEqual({ needed: true });
  });

  it.each([
    ['a missing organization', { ...good, organization: undefined }, 'organization'],
    ['a blank organization', { ...good, organization: '   ' }, 'organization'],
    ['a malformed email', { ...good, email: 'not-an-email' }, 'email'],
    ['a password under 10 characters', { ...good, password: 'short1234' }, 'password'],
    ['an unknown time zone', { ...good, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['no setup code', { ...good, setupCode: undefined }, 'setupCode'],
  ])('rejects %s with 400 naming the field, and writes nothing', async (_label, body, field) => {
    const response = await new Client(server.url).post('/api/v1/setup', body);
    expectProblem(response, 400, '/problems/validation-failed', field);
    expect(await organizationCount()).toBe(0);
    expect((await new Client(server.url).get('/api/v1/setup')).body).toEqual({ needed: true });
  });

  it('creates the organisation and owner, signs the owner in, and reports who they are', async () => {
    const browser = new Client(server.url);
    const response = await browser.post('/api/v1/setup', { ...good, timeZone: 'Europe/Paris' });
    expectStatus(response, 201);
    expect(response.body.user).toMatchObject({ name: 'Olivia Owner', email: 'olivia@example.test', role: 'owner', active: true });
    expect(response.body.organization).toMatchObject({ name: 'Acme Rockets', timeZone: 'Europe/Paris' });
    expect(browser.cookies.get('cairn.session_token')).toBeTruthy();

    const me = await browser.get('/api/v1/me');
    expectStatus(me, 200);
    expect(me.body.user).toMatchObject({ id: response.body.user.id, role: 'owner', email: 'olivia@example.test' });
    expect(me.body.organization).toMatchObject({ id: response.body.organization.id, name: 'Acme Rockets' });

    const [row] = await engine().db.select().from(users);
    expect(row).toMatchObject({ id: response.body.user.id, orgId: response.body.organization.id, role: 'owner' });
    expect((await new Client(server.url).get('/api/v1/setup')).body).toEqual({ needed: false });
    // The owner signs in again later with the password chosen at setup.
    const again = await new Client(server.url).post('/api/auth/sign-in/email', { email: good.email, password: PASSWORD });
    expectStatus(again, 200);
  });

  it('refuses a second setup with 409 already-set-up and leaves the first organisation alone', async () => {
    expectStatus(await new Client(server.url).post('/api/v1/setup', good), 201);
    const second = await new Client(server.url).post('/api/v1/setup', {
      ...good,
      organization: 'Evil Corp',
      email: 'mallory@example.test',
    });
    expectProblem(second, 409, '/problems/already-set-up');
    expect(second.headers.get('set-cookie')).toBeNull();
    const orgs = await engine().db.select().from(organizations);
    expect(orgs.map((o) => o.name)).toEqual(['Acme Rockets']);
    expect((await engine().db.select().from(users)).map((u) => u.email)).toEqual(['olivia@example.test']);
  });

  it('of two setups racing, exactly one wins', async () => {
    const [a, b] = await Promise.all([
      new Client(server.url).post('/api/v1/setup', { ...good, organization: 'Org A', email: 'a@example.test' }),
      new Client(server.url).post('/api/v1/setup', { ...good, organization: 'Org B', email: 'b@example.test' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expectProblem(a.status === 409 ? a : b, 409, '/problems/already-set-up');
    expect(await organizationCount()).toBe(1);
    expect(await engine().db.select().from(users)).toHaveLength(1);
  });

  it('rolls the organisation back when creating the owner fails part-way', async () => {
    const { db } = engine();
    // Make the owner insert fail inside the setup transaction, after the organisation row was written.
    await db.execute(
      sql.raw(`create function cairn_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`),
    );
    await db.execute(sql.raw(`create trigger cairn_test_refuse before insert on users for each row execute function cairn_test_refuse()`));
    try {
      const response = await new Client(server.url).post('/api/v1/setup', good);
      expectProblem(response, 500, '/problems/internal-error');
      expect(response.text).not.toContain('refused by test');
      expect(await organizationCount()).toBe(0);
      expect(await queryRows(db, sql`select * from activities`)).toEqual([]);
    } finally {
      await db.execute(sql.raw(`drop trigger cairn_test_refuse on users`));
      await db.execute(sql.raw(`drop function cairn_test_refuse()`));
    }
    // With the fault gone, setup works: nothing half-written blocks it.
    expectStatus(await new Client(server.url).post('/api/v1/setup', good), 201);
  });

  it('refuses a wrong setup code with 403 naming setupCode, and writes nothing', async () => {
    const response = await new Client(server.url).post('/api/v1/setup', { ...good, setupCode: 'GUESSED-CODE' });
    expectProblem(response, 403, '/problems/forbidden', 'setupCode');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await organizationCount()).toBe(0);
    expect((await new Client(server.url).get('/api/v1/setup')).body).toEqual({ needed: true });
  });

  it('without CAIRN_SETUP_TOKEN prints a generated code to the log, which works once', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const fresh = await startTestServer(engine().handle, {
      config: { setupToken: undefined },
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
    });
    try {
      const printed = lines.join('').match(/setup code: ([A-Z0-9-]+)/)?.[1];
      expect(printed, lines.join('')).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
      // A second process on the same database prints the same code, not a competing one.
      const secondLines: string[] = [];
      const second = await startTestServer(engine().handle, {
        config: { setupToken: undefined },
        logger: { level: 'warn', stream: { write: (line: string) => void secondLines.push(line) } },
      });
      await second.close();
      expect(secondLines.join('')).toContain(printed);
      expectProblem(
        await new Client(fresh.url).post('/api/v1/setup', { ...good, setupCode: TEST_SETUP_CODE }),
        403,
        '/problems/forbidden',
        'setupCode',
      );
      // Typed in lower case from the log, it still works.
      expectStatus(await new Client(fresh.url).post('/api/v1/setup', { ...good, setupCode: printed!.toLowerCase() }), 201);
      const left = await queryRows(engine().db, sql`select key from instance_settings where key = 'setup_code'`);
      expect(left).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
