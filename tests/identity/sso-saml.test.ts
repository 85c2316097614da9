import { afterEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization, uniqueEmail } from '../support/fixtures.js';
import { signInThroughSamlIdp } from '../support/saml-flow.js';
import { startSamlIdp, type SamlAccount, type TestSamlIdp } from '../support/saml-idp.js';
import type { Client } from '../support/client.js';

const API = '/api/v1';
const acme = (label: string) => uniqueEmail(label).replace('example.test', 'acme.test');

describeEachEngine('Single sign-on with SAML 2.0', (engine) => {
  const t = useOrganization(engine);
  let idp: TestSamlIdp | undefined;
  afterEach(async () => {
    await idp?.close();
    idp = undefined;
  });

  async function configure(accounts: Record<string, SamlAccount>, extra: Record<string, unknown> = {}) {
    const view = await t.owner.client.get(`${API}/organization/sso`);
    expectStatus(view, 200);
    idp = await startSamlIdp(view.body.spMetadataUrl, accounts);
    const saved = await t.owner.client.put(`${API}/organization/sso/saml`, {
      name: 'Acme SAML',
      idpMetadata: idp.metadata,
      allowedDomains: ['acme.test'],
      passwordSignIn: true,
      groupMappings: [],
      ...extra,
    });
    expectStatus(saved, 200);
    return saved.body as { providerId: string; acsUrl: string; spEntityId: string };
  }

  const me = async (client: Client) => (await client.get(`${API}/me`)).body.user as { id: string; email: string; role: string };
  const emails = async () => ((await t.owner.client.get(`${API}/users`)).body as { email: string }[]).map((u) => u.email);
  const auditActions = async () =>
    ((await t.owner.client.get(`${API}/audit?limit=100`)).body as { action: string; details: Record<string, unknown> }[]).map(
      (e) => `${e.action}${e.details.reason ? `:${String(e.details.reason)}` : ''}`,
    );

  it('a signed response creates the person and signs in; the next sign-in is the same person; groups map', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const email = acme('sam');
    const { providerId, acsUrl, spEntityId } = await configure(
      { sam: { email, name: 'Sam Saml', groups: ['eng'] } },
      { groupMappings: [{ group: 'eng', teamId: team.id, role: 'champion' }] },
    );
    expect(acsUrl).toBe(`${t.server.url}/api/auth/sso/saml2/sp/acs/${providerId}`);
    const metadata = await t.server.app.inject({ method: 'GET', url: `/api/auth/sso/saml2/sp/metadata?providerId=${providerId}` });
    expect(metadata.statusCode).toBe(200);
    expect(metadata.body).toContain(`entityID="${spEntityId.replace(/&/g, '&amp;')}"`);
    expect(metadata.body).toContain('WantAssertionsSigned="true"');

    const first = await signInThroughSamlIdp(t.server.url, providerId, 'sam');
    expect(first.landed.pathname).toBe('/');
    const person = await me(first.client);
    expect(person).toMatchObject({ email, role: 'champion' });
    expect(JSON.stringify((await t.owner.client.get(`${API}/teams/${team.id}/members`)).body)).toContain(email);
    expectStatus(await first.client.post('/api/auth/sign-out', {}), 200);
    expectProblem(await first.client.get(`${API}/me`), 401, '/problems/unauthenticated');

    const again = await signInThroughSamlIdp(t.server.url, providerId, 'sam');
    expect((await me(again.client)).id).toBe(person.id);
    expect((await emails()).filter((e) => e === email)).toHaveLength(1);
    expect(await auditActions()).toEqual(expect.arrayContaining(['sso.configured', 'auth.sso-sign-in']));
  });

  it('links an invited person by the asserted e-mail; refuses another domain and a deactivated person', async () => {
    const email = acme('ivy');
    const invited = await addPerson(t.owner.client, { email });
    const outsider = uniqueEmail('out');
    const { providerId } = await configure({ ivy: { email, name: 'Ivy' }, out: { email: outsider, name: 'Out' } });
    const linked = await signInThroughSamlIdp(t.server.url, providerId, 'ivy');
    expect((await me(linked.client)).id).toBe(invited.user.id);

    const refused = await signInThroughSamlIdp(t.server.url, providerId, 'out');
    expect(refused.landed.pathname).toBe('/sign-in');
    expect(refused.landed.searchParams.get('error')).toBe('domain-not-allowed');
    expectProblem(await refused.client.get(`${API}/me`), 401, '/problems/unauthenticated');
    expect(await emails()).not.toContain(outsider);

    expectStatus(await t.owner.client.patch(`${API}/users/${invited.user.id}`, { active: false }), 200);
    const deactivated = await signInThroughSamlIdp(t.server.url, providerId, 'ivy');
    expect(deactivated.landed.searchParams.get('error')).toBe('deactivated');
    expectProblem(await deactivated.client.get(`${API}/me`), 401, '/problems/unauthenticated');
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.sso-refused:domain-not-allowed', 'auth.sso-refused:deactivated']));
  });

  it.each<[string, (idp: TestSamlIdp) => void]>([
    ['a signature by another key', (i) => (i.tamper.otherKey = true)],
    ['an expired assertion', (i) => (i.tamper.expired = true)],
    ['an assertion for another audience', (i) => (i.tamper.audience = 'https://other-app.example.com/saml')],
  ])('%s is refused and nothing is created', async (_label, alter) => {
    const email = acme('mal');
    const { providerId } = await configure({ mal: { email, name: 'Mal' } });
    alter(idp!);
    const refused = await signInThroughSamlIdp(t.server.url, providerId, 'mal');
    expect(refused.landed.pathname).toBe('/sign-in');
    expect(refused.landed.searchParams.get('error')).toBeTruthy();
    expectProblem(await refused.client.get(`${API}/me`), 401, '/problems/unauthenticated');
    expect(await emails()).not.toContain(email);
    expect((await auditActions()).some((a) => a.startsWith('auth.sso-refused:saml: '))).toBe(true);
  });

  it('refuses unparsable metadata, no signing certificate, an http sign-in URL; password sign-in off applies', async () => {
    const base = { name: 'X', allowedDomains: ['acme.test'], passwordSignIn: true, groupMappings: [] };
    const put = (body: Record<string, unknown>) => t.owner.client.put(`${API}/organization/sso/saml`, { ...base, ...body });
    const md = (inner: string) =>
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`;
    const redirect = (location: string) =>
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${location}"/>`;
    expectProblem(await put({ idpMetadata: '<md:EntityDescriptor' }), 422, '/problems/validation-failed', 'idpMetadata');
    expectProblem(await put({ idpMetadata: 'not xml' }), 422, '/problems/validation-failed', 'idpMetadata');
    const noCert = expectProblem(
      await put({ idpMetadata: md(redirect('https://idp.example.com/sso')) }),
      422,
      '/problems/validation-failed',
    );
    expect(noCert.detail).toMatch(/signing certificate/);
    expectProblem(
      await put({ entryPoint: 'http://idp.example.com/sso', idpEntityId: 'x', certificate: 'y' }),
      422,
      '/problems/validation-failed',
      'entryPoint',
    );
    expectProblem(
      await put({ entryPoint: 'https://idp.example.com/sso', idpEntityId: 'x', certificate: 'not a cert' }),
      422,
      '/problems/validation-failed',
      'certificate',
    );
    expectProblem(
      await put({ entryPoint: 'https://idp.example.com/sso', idpEntityId: 'x' }),
      422,
      '/problems/validation-failed',
      'certificate',
    );
    expect((await t.owner.client.get(`${API}/organization/sso`)).body.configured).toBe(false);

    const email = acme('dee');
    const person = await addPerson(t.owner.client, { email });
    // Signed in with a password before it is switched off: a member may not configure SSO either way.
    const member = await addPerson(t.owner.client);
    const view = await t.owner.client.get(`${API}/organization/sso`);
    idp = await startSamlIdp(view.body.spMetadataUrl, { dee: { email, name: 'Dee' } });
    // Entry point, entity ID and certificate instead of metadata.
    const saved = await put({ entryPoint: idp.ssoUrl, idpEntityId: idp.entityId, certificate: idp.certificate, passwordSignIn: false });
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({ protocol: 'saml', idpEntityId: idp.entityId, entryPoint: idp.ssoUrl });
    const refused = await person.client.post('/api/auth/sign-in/email', { email, password: person.password });
    expect(expectProblem(refused, 403, '/problems/forbidden').detail).toMatch(/Sign in with X/);
    const signedIn = await signInThroughSamlIdp(t.server.url, saved.body.providerId, 'dee');
    expect((await me(signedIn.client)).id).toBe(person.user.id);
    expectProblem(
      await member.client.put(`${API}/organization/sso/saml`, { ...base, idpMetadata: idp.metadata }),
      403,
      '/problems/forbidden',
    );
  });
});
