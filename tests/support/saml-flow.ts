import { Client } from './client.js';
import type { SsoOutcome } from './sso-flow.js';

const decode = (html: string) => html.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
const field = (html: string, name: string) => decode(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '');

/**
 * Drives SAML single sign-on as a browser would: Cairn's sign-in/sso, the IdP's AuthnRequest URL and login
 * form (entering `login`), then the IdP's auto-submitting form posted to Cairn's ACS, from the IdP's origin.
 */
export async function signInThroughSamlIdp(cairnUrl: string, providerId: string, login: string): Promise<SsoOutcome> {
  const cairn = new URL(cairnUrl);
  const start = await fetch(new URL('/api/auth/sign-in/sso', cairn), {
    method: 'POST',
    headers: { origin: cairn.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ providerId }),
  });
  if (!start.ok) throw new Error(`sign-in/sso answered ${start.status}: ${await start.text()}`);
  const idpUrl = new URL(((await start.json()) as { url: string }).url);
  const loginPage = await (await fetch(idpUrl)).text();
  const action = /action="([^"]+)"/.exec(loginPage)?.[1];
  if (!action) throw new Error(`the IdP showed no login form: ${loginPage}`);
  const answer = await fetch(new URL(action, idpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login }).toString(),
  });
  const posting = await answer.text();
  if (!answer.ok) throw new Error(`the IdP answered ${answer.status}: ${posting}`);
  const acs = decode(/action="([^"]+)"/.exec(posting)?.[1] ?? '');
  const response = await fetch(acs, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: idpUrl.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ SAMLResponse: field(posting, 'SAMLResponse'), RelayState: field(posting, 'RelayState') }).toString(),
  });
  const location = response.headers.get('location');
  if (!location) throw new Error(`the ACS answered ${response.status}: ${await response.text()}`);
  const client = new Client(cairnUrl);
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(eq + 1) !== '') client.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return { landed: new URL(location, cairn), client };
}
