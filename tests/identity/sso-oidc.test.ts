import { afterEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization, uniqueEmail } from '../support/fixtures.js';
import { startTestIdp, type IdpAccount, type TestIdp } from '../support/oidc-idp.js';
import { signInThroughIdp } from '../support/sso-flow.js';
import type { Client } from '../support/client.js';

const API = '/api/v1';

describeEachEngine('Single sign-on with OpenID Connect', (engine) => {
  const t = useOrganization(engine);
  let idp: TestIdp | undefined;
  afterEach(async () => {
    await idp?.close();
    idp = undefined;
  });

  async function configure(accounts: Record<string, IdpAccount>, extra: Record<string, unknown> = {}) {
    const view = await t.owner.client.get(`${API}/organization/sso`);
    expectStatus(view, 200);
    expect(view.body.configured).toBe(false);
    idp = await startTestIdp(view.body.callbackUrl, accounts);
    const saved = await t.owner.client.put(`${API}/organization/sso`, {
      name: 'Acme Login',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedDomains: ['acme.test'],
      passwordSignIn: true,
      groupMappings: [],
      ...extra,
    });
    expectStatus(saved, 200);
    return saved.body as { providerId: string };
  }

  const me = async (client: Client) => (await client.get(`${API}/me`)).body.user as { id: string; email: string; role: string };
  const auditActions = async () =>
    ((await t.owner.client.get(`${API}/audit?limit=100`)).body as { action: string; details: Record<string, unknown> }[]).map(
      (e) => `${e.action}${e.details.reason ? `:${String(e.details.reason)}` : ''}`,
    );

  it('the first sign-in creates the person in the organisation; the next one signs the same person in', async () => {
    const email = uniqueEmail('sam').replace('example.test', 'acme.test');
    const { providerId } = await configure({ sam: { email, emailVerified: true, name: 'Sam Sso' } });
    expect((await t.server.app.inject({ method: 'GET', url: `${API}/sso/providers` })).json()).toEqual({
      providers: [{ providerId, name: 'Acme Login' }],
    });

    const first = await signInThroughIdp(t.server.url, providerId, 'sam');
    expect(first.landed.pathname).toBe('/');
    const person = await me(first.client);
    expect(person).toMatchObject({ email, role: 'member' });
    expectStatus(await first.client.post('/api/auth/sign-out', {}), 200);
    expectProblem(await first.client.get(`${API}/me`), 401, '/problems/unauthenticated');

    const again = await signInThroughIdp(t.server.url, providerId, 'sam');
    expect((await me(again.client)).id).toBe(person.id);
    expect((await t.owner.client.get(`${API}/users`)).body.filter((u: { email: string }) => u.email === email)).toHaveLength(1);
    expect(await auditActions()).toEqual(expect.arrayContaining(['sso.configured', 'auth.sso-sign-in']));
  });

  it('links an invited person by verified e-mail; refuses unverified e-mails, other domains and removed IdP accounts', async () => {
    const email = uniqueEmail('ivy').replace('example.test', 'acme.test');
    const invited = await addPerson(t.owner.client, { email });
    const { providerId } = await configure({
      ivy: { email, emailVerified: true, name: 'Ivy' },
      unverified: { email: uniqueEmail('u').replace('example.test', 'acme.test'), emailVerified: false, name: 'U' },
      outsider: { email: uniqueEmail('o'), emailVerified: true, name: 'O' },
    });
    const linked = await signInThroughIdp(t.server.url, providerId, 'ivy');
    expect((await me(linked.client)).id).toBe(invited.user.id);

    const unverified = await signInThroughIdp(t.server.url, providerId, 'unverified');
    expect(unverified.landed.pathname).toBe('/sign-in');
    expect(unverified.landed.searchParams.get('error')).toBe('email-unverified');
    const outsider = await signInThroughIdp(t.server.url, providerId, 'outsider');
    expect(outsider.landed.searchParams.get('error')).toBe('domain-not-allowed');
    expect(outsider.landed.searchParams.get('error_description')).toMatch(/domain is not allowed/);
    expectProblem(await outsider.client.get(`${API}/me`), 401, '/problems/unauthenticated');

    idp!.accounts.delete('ivy');
    const removed = await signInThroughIdp(t.server.url, providerId, 'ivy');
    expect(removed.landed.searchParams.get('error')).toBe('access_denied');
    expectProblem(await removed.client.get(`${API}/me`), 401, '/problems/unauthenticated');
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'auth.sso-refused:email-unverified',
        'auth.sso-refused:domain-not-allowed',
        'auth.sso-refused:identity provider: access_denied',
      ]),
    );
  });

  it('refuses a deactivated person; with password sign-in off only the owner keeps a password', async () => {
    const email = uniqueEmail('dee').replace('example.test', 'acme.test');
    const person = await addPerson(t.owner.client, { email });
    const { providerId } = await configure({ dee: { email, emailVerified: true, name: 'Dee' } }, { passwordSignIn: false });
    const signIn = (client: Client, who: string, password: string) => client.post('/api/auth/sign-in/email', { email: who, password });

    const refused = await signIn(person.client, email, person.password);
    expect(expectProblem(refused, 403, '/problems/forbidden').detail).toMatch(/Sign in with Acme Login/);
    expectStatus(await signIn(t.owner.client, t.owner.user.email, t.owner.password), 200);

    expectStatus(await t.owner.client.patch(`${API}/users/${person.user.id}`, { active: false }), 200);
    const deactivated = await signInThroughIdp(t.server.url, providerId, 'dee');
    expect(deactivated.landed.searchParams.get('error')).toBe('deactivated');
  });

  it('maps IdP groups to a team and a role at sign-in', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const email = uniqueEmail('gus').replace('example.test', 'acme.test');
    const { providerId } = await configure(
      { gus: { email, emailVerified: true, name: 'Gus', groups: ['eng', 'okr-admins'] } },
      {
        groupMappings: [
          { group: 'eng', teamId: team.id },
          { group: 'okr-admins', role: 'admin' },
        ],
      },
    );
    const gus = await signInThroughIdp(t.server.url, providerId, 'gus');
    expect((await me(gus.client)).role).toBe('admin');
    const members = await t.owner.client.get(`${API}/teams/${team.id}/members`);
    expect(JSON.stringify(members.body)).toContain(email);
  });

  it('admin configuration: https issuer, reachable discovery, write-only secret, admins only', async () => {
    const base = { name: 'X', clientId: 'c', clientSecret: 's', allowedDomains: ['acme.test'], passwordSignIn: true, groupMappings: [] };
    expectProblem(
      await t.owner.client.put(`${API}/organization/sso`, { ...base, issuer: 'http://idp.example.com' }),
      422,
      '/problems/validation-failed',
      'issuer',
    );
    expectProblem(
      await t.owner.client.put(`${API}/organization/sso`, { ...base, issuer: 'http://127.0.0.1:9' }),
      422,
      '/problems/validation-failed',
      'issuer',
    );
    expectProblem(
      await t.owner.client.put(`${API}/organization/sso`, { ...base, issuer: 'https://idp.example.com', allowedDomains: ['not a domain'] }),
      422,
      '/problems/validation-failed',
      'allowedDomains',
    );
    expect((await t.owner.client.get(`${API}/organization/sso`)).body.configured).toBe(false);

    await configure({});
    const view = await t.owner.client.get(`${API}/organization/sso`);
    expect(view.body).toMatchObject({ configured: true, clientSecretSet: true, allowedDomains: ['acme.test'] });
    expect(view.text).not.toContain(idp!.clientSecret);
    // An update without the secret keeps it.
    expectStatus(await t.owner.client.put(`${API}/organization/sso`, { ...base, issuer: idp!.issuer, clientSecret: undefined }), 200);
    const member = await addPerson(t.owner.client);
    expectProblem(await member.client.get(`${API}/organization/sso`), 403, '/problems/forbidden');
    expectProblem(await member.client.put(`${API}/organization/sso`, { ...base, issuer: idp!.issuer }), 403, '/problems/forbidden');
    expectStatus(await t.owner.client.delete(`${API}/organization/sso`), 204);
    expect(await auditActions()).toEqual(expect.arrayContaining(['sso.configured', 'sso.updated', 'sso.removed']));
  });
});
