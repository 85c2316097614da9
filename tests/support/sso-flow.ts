import { Client } from './client.js';

/** Cookies per origin, as a browser keeps them (enough for Cairn and the test IdP on 127.0.0.1). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(url: URL, headers: Headers): void {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const line of headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  entries(origin: string): [string, string][] {
    return [...(this.byOrigin.get(origin) ?? [])];
  }
}

export interface SsoOutcome {
  /** Where the browser ended up at Cairn: `/` when signed in, `/sign-in?error=…` when refused. */
  landed: URL;
  /** A Cairn client holding the cookies the flow left (the session, when signed in). */
  client: Client;
}

/**
 * Drives single sign-on as a browser would, with fetch and manual redirects: Cairn's sign-in/sso,
 * the IdP's authorization endpoint and login form (entering `login`), back to Cairn's callback.
 */
export async function signInThroughIdp(cairnUrl: string, providerId: string, login: string): Promise<SsoOutcome> {
  const jar = new CookieJar();
  const cairn = new URL(cairnUrl);
  const startUrl = new URL('/api/auth/sign-in/sso', cairn);
  const start = await fetch(startUrl, {
    method: 'POST',
    headers: { origin: cairn.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ providerId }),
  });
  if (!start.ok) throw new Error(`sign-in/sso answered ${start.status}: ${await start.text()}`);
  jar.keep(startUrl, start.headers);
  let url = new URL(((await start.json()) as { url: string }).url);
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === cairn.origin && !url.pathname.startsWith('/api/')) {
      const client = new Client(cairnUrl);
      for (const [name, value] of jar.entries(cairn.origin)) client.cookies.set(name, value);
      return { landed: url, client };
    }
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(url), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form?.toString(),
    });
    jar.keep(url, response.headers);
    form = undefined;
    const location = response.headers.get('location');
    if (location) url = new URL(location, url);
    else if (response.status === 200 && /^\/interaction\//.test(url.pathname)) form = new URLSearchParams({ login });
    else throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  }
  throw new Error('too many redirects');
}
