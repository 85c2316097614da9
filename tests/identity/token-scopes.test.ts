import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { apiTokens } from '../../src/db/schema/index.js';
import { hashToken } from '../../src/server/auth/actor.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';

describeEachEngine('Scoped API tokens', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  const mint = async (client: Client, scopes: string[], expiresInDays?: number) => {
    const response = await client.post(`${API}/tokens`, { name: `t-${scopes.join('+')}`, scopes, expiresInDays });
    expectStatus(response, 201);
    return { ...response.body, api: new Client(t.server.url, response.body.token as string) } as {
      id: string;
      scopes: string[];
      api: Client;
    };
  };

  it('a read token reads and is refused every write with a 403 naming the scope it lacks', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Reach 100'));
    const reader = await mint(t.w.owner.client, ['read']);
    expectStatus(await reader.api.get(`${API}/objectives/${objective.id}`), 200);
    const refused = expectProblem(
      await reader.api.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Nope' }),
      403,
      '/problems/forbidden',
      'scope',
    );
    expect(refused.detail).toContain('write:okrs');
    const checkIn = expectProblem(
      await reader.api.post(`${API}/key-results/${kr.id}/check-ins`, { value: 5 }),
      403,
      '/problems/forbidden',
      'scope',
    );
    expect(checkIn.detail).toContain('write:check-ins');
    expectProblem(await reader.api.patch(`${API}/organization`, { name: 'Renamed' }), 403, '/problems/forbidden', 'scope');
  });

  it('a check-in token posts check-ins and nothing else', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Reach 100'));
    const bot = await mint(t.w.owner.client, ['write:check-ins']);
    expectStatus(await bot.api.post(`${API}/key-results/${kr.id}/check-ins`, { value: 40 }), 201);
    expectProblem(await bot.api.patch(`${API}/key-results/${kr.id}`, { title: 'Renamed' }), 403, '/problems/forbidden', 'scope');
    expectProblem(await bot.api.get(`${API}/objectives/${objective.id}`), 403, '/problems/forbidden', 'scope');
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(40);
  });

  it('the admin scope includes the others, yet never lifts the owner above their role', async () => {
    const admin = await mint(t.w.owner.client, ['admin']);
    expectStatus(await admin.api.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'By admin token' }), 201);
    expectStatus(await admin.api.patch(`${API}/organization`, { name: 'Renamed by token' }), 200);
    const member = await addPerson(t.w.owner.client);
    expectProblem(await member.client.post(`${API}/tokens`, { name: 'x', scopes: ['admin'] }), 403, '/problems/forbidden');
    const memberToken = await mint(member.client, ['read', 'write:okrs']);
    expectProblem(await memberToken.api.patch(`${API}/organization`, { name: 'Hijack' }), 403, '/problems/forbidden', 'scope');
  });

  it('no token mints a token, a service token or an ingest token, whatever its scopes', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Reach 100'));
    const admin = await mint(t.w.owner.client, ['admin']);
    for (const [path, body] of [
      [`${API}/tokens`, { name: 'child', scopes: ['read'] }],
      [`${API}/service-tokens`, { name: 'child', scopes: ['read'] }],
      [`${API}/key-results/${kr.id}/ingest-tokens`, {}],
    ] as const) {
      const problem = expectProblem(await admin.api.post(path, body), 403, '/problems/forbidden', 'scope');
      expect(problem.detail).toMatch(/signed-in session/);
    }
    expect(await engine().db.select().from(apiTokens)).toHaveLength(1);
  });

  it('scopes are required and must be known; the expiry is chosen at creation', async () => {
    expectProblem(await t.w.owner.client.post(`${API}/tokens`, { name: 'none' }), 400, '/problems/validation-failed', 'scopes');
    expectProblem(
      await t.w.owner.client.post(`${API}/tokens`, { name: 'empty', scopes: [] }),
      400,
      '/problems/validation-failed',
      'scopes',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/tokens`, { name: 'odd', scopes: ['write:everything'] }),
      400,
      '/problems/validation-failed',
      'scopes[0]',
    );
    const week = await t.w.owner.client.post(`${API}/tokens`, { name: 'week', scopes: ['read'], expiresInDays: 7 });
    expectStatus(week, 201);
    expect(Math.round((Date.parse(week.body.expiresAt) - Date.now()) / 86_400_000)).toBe(7);
    expect(await engine().db.select().from(apiTokens)).toHaveLength(1);
  });

  it('a token made before scopes existed keeps working with every scope (the migration default)', async () => {
    const legacy = 'cairn_legacy-token-from-before-scopes';
    await engine().db.execute(
      sql`insert into api_tokens (org_id, user_id, name, token_hash, prefix) values (${t.w.orgId}, ${t.w.owner.user.id}, 'legacy', ${hashToken(legacy)}, 'cairn_legacy')`,
    );
    const [row] = await engine()
      .db.select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(legacy)));
    expect(row!.scopes).toEqual(['read', 'write:check-ins', 'write:okrs', 'admin']);
    const api = new Client(t.server.url, legacy);
    expectStatus(await api.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Still works' }), 201);
    expectStatus(await api.patch(`${API}/organization`, { name: 'Still admin' }), 200);
  });
});
