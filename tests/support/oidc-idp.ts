import { createServer, type IncomingMessage, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './server.js';

export interface IdpAccount {
  email: string;
  emailVerified: boolean;
  name: string;
  groups?: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name; delete one to disable it at the IdP. */
  accounts: Map<string, IdpAccount>;
  close(): Promise<void>;
}

const page = (uid: string, error = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Test IdP sign-in</title></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}"><label for="login">Login</label>
<input id="login" name="login" autocomplete="username"><button type="submit">Continue</button></form></main></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

/**
 * A real OpenID Provider (oidc-provider) on a local port, with one confidential client registered
 * for `redirectUri` and a minimal login page: entering an account's login signs it in (and grants
 * consent); an unknown or removed account is refused with access_denied, as a disabled user would be.
 */
export async function startTestIdp(redirectUri: string, accounts: Record<string, IdpAccount>): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const known = new Map(Object.entries(accounts));
  const clientId = 'cairn';
  const clientSecret = 'cairn-test-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-idp-cookie-key'] },
    findAccount: (_ctx: unknown, id: string) => {
      const account = known.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
          groups: account.groups ?? [],
        }),
      };
    },
  });
  const handle = provider.callback();
  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return handle(req, res);
    void (async () => {
      const interaction = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(interaction.uid));
        return;
      }
      const login = (await formBody(req)).get('login') ?? '';
      if (!known.has(login)) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'This account is disabled.' });
        return;
      }
      const grant = new provider.Grant({ accountId: login, clientId });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts: known,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
