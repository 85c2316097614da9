import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import samlify, { type IdentityProviderInstance, type ServiceProviderInstance } from 'samlify';
// Better Auth's SSO plugin sets samlify's (process-wide) schema validator when it loads; the IdP uses that
// same one rather than a permissive one of its own, which would also weaken Cairn's side in this process.
import '@better-auth/sso';
import { freePort } from './server.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** Test-only key pairs (openssl req -x509 -newkey rsa:2048 -nodes -days 3650): the IdP's and a stranger's. */
const IDP_KEY = fixture('saml-idp-key.pem');
export const IDP_CERT = fixture('saml-idp-cert.pem');
const OTHER_KEY = fixture('saml-other-key.pem');
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export interface SamlAccount {
  email: string;
  name: string;
  groups?: string[];
}

/** Alterations of the next responses, for the refusal tests. */
export interface SamlTamper {
  /** Signed with a key other than the certificate Cairn trusts. */
  otherKey?: boolean;
  /** NotOnOrAfter an hour ago. */
  expired?: boolean;
  audience?: string;
}

export interface TestSamlIdp {
  entityId: string;
  ssoUrl: string;
  metadata: string;
  certificate: string;
  accounts: Map<string, SamlAccount>;
  tamper: SamlTamper;
  close(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string, onload = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body${onload}><main><h1>${title}</h1>${body}</main></body></html>`;

const loginPage = (uid: string) =>
  page(
    'Test SAML identity provider',
    `<form method="post" action="/login/${uid}"><label for="login">Login</label>
<input id="login" name="login" autocomplete="username"><button type="submit">Continue</button></form>`,
  );

/** The HTTP-POST binding: a form the browser submits to Cairn's ACS by itself. */
const postPage = (action: string, response: string, relayState: string) =>
  page(
    'Signing you in',
    `<form method="post" action="${escapeXml(action)}"><input type="hidden" name="SAMLResponse" value="${response}">
<input type="hidden" name="RelayState" value="${escapeXml(relayState)}"><noscript><button type="submit">Continue</button></noscript></form>`,
    ' onload="document.forms[0].submit()"',
  );

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

function attributeStatement(account: SamlAccount): string {
  const attribute = (name: string, values: string[]) =>
    `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values
      .map((v) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(v)}</saml:AttributeValue>`)
      .join('')}</saml:Attribute>`;
  const groups = account.groups?.length ? attribute('groups', account.groups) : '';
  return `<saml:AttributeStatement>${attribute('email', [account.email])}${attribute('displayName', [account.name])}${groups}</saml:AttributeStatement>`;
}

interface Pending {
  sp: ServiceProviderInstance;
  request: Awaited<ReturnType<IdentityProviderInstance['parseLoginRequest']>>;
  relayState: string;
}

/**
 * A real SAML 2.0 identity provider (samlify's IdentityProvider) on a local port: it takes Cairn's
 * AuthnRequest (HTTP-Redirect), shows a login page, and answers with a signed assertion posted to the ACS
 * by an auto-submitting form (HTTP-POST). Cairn's SP metadata is read from `spMetadataUrl` at each request.
 */
export async function startSamlIdp(spMetadataUrl: string, accounts: Record<string, SamlAccount>): Promise<TestSamlIdp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const entityId = `${origin}/metadata`;
  const ssoUrl = `${origin}/sso`;
  const idpWith = (privateKey: string) =>
    samlify.IdentityProvider({
      entityID: entityId,
      signingCert: IDP_CERT,
      privateKey,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: ssoUrl }],
    });
  const idp = idpWith(IDP_KEY);
  const stranger = idpWith(OTHER_KEY);
  const known = new Map(Object.entries(accounts));
  const tamper: SamlTamper = {};
  const pending = new Map<string, Pending>();

  async function respond(flow: Pending, account: SamlAccount): Promise<string> {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const shift = tamper.expired ? -60 : 0;
    const acs = flow.sp.entityMeta.getAssertionConsumerService('post') as string;
    const signer = tamper.otherKey ? stranger : idp;
    const requestId = String(flow.request.extract.request?.id ?? '');
    const result = await signer.createLoginResponse(
      flow.sp,
      { extract: { request: { id: requestId } } },
      'post',
      { email: account.email },
      {
        relayState: flow.relayState,
        customTagReplacement: (template) => {
          const id = `_${randomUUID()}`;
          const authn = `<saml:AuthnStatement AuthnInstant="${at(shift)}" SessionIndex="_${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`;
          const withStatements = template.replace('{AuthnStatement}', authn).replace('{AttributeStatement}', attributeStatement(account));
          const context = samlify.SamlLib.replaceTagsByValue(withStatements, {
            ID: id,
            AssertionID: `_${randomUUID()}`,
            Destination: acs,
            Audience: tamper.audience ?? flow.sp.entityMeta.getEntityID(),
            SubjectRecipient: acs,
            Issuer: entityId,
            IssueInstant: at(shift),
            StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
            ConditionsNotBefore: at(shift - 1),
            ConditionsNotOnOrAfter: at(shift + 5),
            SubjectConfirmationDataNotOnOrAfter: at(shift + 5),
            NameIDFormat: EMAIL_FORMAT,
            NameID: account.email,
            InResponseTo: requestId,
          });
          return { id, context };
        },
      },
    );
    return postPage(acs, result.context, flow.relayState);
  }

  async function handle(req: IncomingMessage): Promise<[number, string, string]> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/metadata') return [200, 'application/xml', idp.getMetadata()];
    if (url.pathname === '/sso') {
      const sp = samlify.ServiceProvider({ metadata: await (await fetch(spMetadataUrl)).text() });
      const request = await idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(url.searchParams) });
      const uid = randomUUID();
      pending.set(uid, { sp, request, relayState: url.searchParams.get('RelayState') ?? '' });
      return [200, 'text/html; charset=utf-8', loginPage(uid)];
    }
    const login = /^\/login\/([\w-]+)$/.exec(url.pathname);
    const flow = login ? pending.get(login[1]!) : undefined;
    if (!flow || req.method !== 'POST') return [404, 'text/plain', 'not found'];
    const account = known.get((await formBody(req)).get('login') ?? '');
    if (!account)
      return [403, 'text/html; charset=utf-8', page('This account is disabled', '<p role="alert">This account is disabled.</p>')];
    pending.delete(login![1]!);
    return [200, 'text/html; charset=utf-8', await respond(flow, account)];
  }

  const server: Server = createServer((req, res) => {
    handle(req)
      .then(([status, type, body]) => res.writeHead(status, { 'content-type': type }).end(body))
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    entityId,
    ssoUrl,
    metadata: idp.getMetadata(),
    certificate: IDP_CERT,
    accounts: known,
    tamper,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
