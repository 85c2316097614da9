import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webRoot } from '../../src/server/app.js';
import { HINTED_PAGES } from '../../src/server/http/web/route-hints.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { addPerson, setUpOrganization } from '../support/fixtures.js';

type Manifest = Record<string, { file: string; css?: string[] }>;
const manifest = (): Manifest => JSON.parse(readFileSync(join(webRoot, '.vite/manifest.json'), 'utf8')) as Manifest;
const fetchPreloads = (html: string) =>
  [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin( fetchpriority="low")?>/g)].map((m) => m[1]);
const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
const modulePreloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

describeEachEngine('web delivery: index.html hints the page it is served at (`npx vite build` first)', (engine) => {
  let server: TestServer;
  let organization: ReturnType<typeof setUpOrganization> | undefined;
  beforeAll(async () => (server = await startTestServer(engine().handle)));
  afterAll(() => server?.close());
  /** The organisation, set up by the first test that needs it (a database is set up once). */
  const signedUp = () => (organization ??= setUpOrganization(server.url));
  const html = async (path: string, cookie?: string) => {
    const response = await fetch(server.url + path, { headers: cookie ? { cookie } : {} });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    return response.text();
  };

  it('names every hinted page in the build manifest', () => {
    const m = manifest();
    for (const { page } of HINTED_PAGES) expect(m[page], page).toBeDefined();
  });

  it("preloads the shell's answers and the page's chunks", async () => {
    const m = manifest();
    const home = await html('/');
    expect(fetchPreloads(home)).toEqual(['/api/v1/setup', '/api/v1/me']);
    expect(modulePreloads(home)).toContain(`/${m['pages/HomePage.tsx']!.file}`);
    expect(modulePreloads(home)).not.toContain(`/${m['pages/TreePage.tsx']!.file}`);

    const tree = await html('/okrs');
    expect(modulePreloads(tree)).toContain(`/${m['pages/TreePage.tsx']!.file}`);
    expect(modulePreloads(tree)).not.toContain(`/${m['pages/HomePage.tsx']!.file}`);

    const objective = await html('/objectives/0b7e3c52-1f7e-4f0e-9d0a-2a1c3b4d5e6f?asOf=2026-01-01');
    expect(modulePreloads(objective)).toContain(`/${m['pages/ObjectivePage.tsx']!.file}`);
  });

  it("links the stylesheets of the page's chunks beside the entry's, for that page only", async () => {
    const m = manifest();
    // The chunk the tree and the objective page share carries a component's stylesheet (the hints' CSS).
    const shared = Object.values(m).find((chunk) => chunk.file.includes('first-tree-objective') && chunk.css?.length);
    expect(shared).toBeDefined();
    const css = `/${shared!.css![0]}`;
    expect(stylesheets(await html('/okrs'))).toContain(css);
    expect(stylesheets(await html('/objectives/x'))).toContain(css);
    expect(stylesheets(await html('/'))).not.toContain(css);
    for (const path of ['/', '/okrs']) expect(stylesheets(await html(path))[0], path).toMatch(/^\/assets\/index-.+\.css$/);
  });

  it('hints every preloaded chunk as a file the server has', async () => {
    for (const path of ['/', '/okrs', '/objectives/x']) {
      const page = await html(path);
      for (const file of [...modulePreloads(page), ...stylesheets(page)]) {
        const response = await fetch(server.url + file!);
        expect(response.status, file).toBe(200);
      }
    }
  });

  it('gives other pages the shell hints only, and signed-out pages none', async () => {
    const people = await html('/meetings');
    expect(fetchPreloads(people)).toEqual(['/api/v1/setup', '/api/v1/me']);
    for (const path of ['/invite/abc', '/shared/reports/abc', '/forgot-password', '/reset-password']) {
      const page = await html(path);
      expect(fetchPreloads(page), path).toEqual([]);
      expect(page).toContain('<div id="root">');
    }
  });

  it('writes no part of the path but a plain id into the page', async () => {
    const page = await html('/objectives/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(page).not.toContain('alert');
    expect(fetchPreloads(page)).toEqual(['/api/v1/setup', '/api/v1/me']);
  });

  it("preloads a page's first answers for a signed-in visitor only", async () => {
    const { owner } = await signedUp();
    const cookie = owner.client.cookieHeader;
    const id = '0b7e3c52-1f7e-4f0e-9d0a-2a1c3b4d5e6f';
    const shell = ['/api/v1/setup', '/api/v1/me'];
    expect(fetchPreloads(await html(`/objectives/${id}`, cookie))).toEqual([...shell, `/api/v1/objectives/${id}`]);
    // Travelling in time asks for another URL; other pages' largest paints wait for no answer of their own.
    expect(fetchPreloads(await html(`/objectives/${id}?asOf=2026-01-01`, cookie))).toEqual(shell);
    for (const path of ['/', '/meetings']) expect(fetchPreloads(await html(path, cookie)), path).toEqual(shell);
    // The tree of an organisation without cycles waits for the list only.
    expect(fetchPreloads(await html('/okrs', cookie))).toEqual([...shell, '/api/v1/cycles']);
    const response = await fetch(server.url + '/okrs', { headers: { cookie } });
    expect(response.headers.get('vary')).toMatch(/cookie/i);

    // The tree: the cycles, then the cycle it opens on (the active one containing today), its figures and its top levels.
    const post = async (path: string, body: unknown) => {
      const response = await owner.client.post<{ id: string }>(`/api/v1${path}`, body);
      expect(response.status, response.text).toBe(201);
      return response.body;
    };
    const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const past = await post('/cycles', { name: 'Past', startDate: shift(-200), endDate: shift(-110) });
    const current = await post('/cycles', { name: 'Now', startDate: shift(-30), endDate: shift(60), status: 'active' });
    await post('/cycles', { name: 'Next', startDate: shift(61), endDate: shift(150) });
    const tree = (id: string) => ['/api/v1/cycles', `/api/v1/cycles/${id}`, `/api/v1/cycles/${id}/tree?depth=2`];
    expect(fetchPreloads(await html('/okrs', cookie))).toEqual([...shell, ...tree(current.id)]);
    // The cycle in the address; a day travelled to asks for other answers; an address that is not an id adds nothing.
    expect(fetchPreloads(await html(`/okrs?cycle=${past.id}`, cookie))).toEqual([...shell, ...tree(past.id)]);
    expect(fetchPreloads(await html(`/okrs?asOf=${shift(-5)}`, cookie))).toEqual([...shell, '/api/v1/cycles']);
    const odd = await html('/okrs?cycle=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', cookie);
    expect(odd).not.toContain('alert');
    expect(fetchPreloads(odd)).toEqual([...shell, '/api/v1/cycles']);

    // A cookie that names no valid session (signed out since, or made up) gets the shell's answers only: a page's
    // preloaded 401 would answer its first fetch after signing in.
    expect(fetchPreloads(await html(`/objectives/${id}`, 'better-auth.session_token=forged.value'))).toEqual(shell);
    const stale = owner.client.copy();
    expect((await owner.client.post('/api/auth/sign-out', {})).status).toBe(200);
    expect(fetchPreloads(await html(`/objectives/${id}`, stale.cookieHeader))).toEqual(shell);
  });

  it("draws an objective's first screen for a visitor who may see it, and for no one else", async () => {
    const { owner } = await signedUp();
    // Signed in again: the test before ends by signing out.
    const signIn = await owner.client.post('/api/auth/sign-in/email', { email: owner.user.email, password: owner.password });
    expect(signIn.status, signIn.text).toBe(200);
    const cookie = owner.client.cookieHeader;
    const post = async (path: string, body: unknown) => {
      const response = await owner.client.post<{ id: string }>(`/api/v1${path}`, body);
      expect(response.status, response.text).toBe(201);
      return response.body;
    };
    const cycle = await post('/cycles', { name: 'First <screen>', startDate: '2031-01-01', endDate: '2031-03-31' });
    // Markup and a replacement pattern (`$&`) in the title: both must reach the page as text.
    const title = 'Ship <b>faster</b> & "safer" for $& of teams';
    const { id } = await post('/objectives', {
      cycleId: cycle.id,
      title,
      visibility: 'private',
      viewerIds: [],
      status: 'active',
      effectiveStartDate: null,
      publishOverrideReason: 'Test set-up',
    });
    const layer = (page: string) => /<div id="first-screen"[\s\S]*?<div id="root">/.exec(page)?.[0];

    const drawn = layer(await html(`/objectives/${id}`, cookie));
    expect(drawn).toContain(`data-path="/objectives/${id}"`);
    expect(drawn).toContain('<p class="fs-title">Ship &lt;b&gt;faster&lt;/b&gt; &amp; &quot;safer&quot; for $&amp; of teams</p>');
    expect(drawn).toContain('← First &lt;screen&gt;');
    expect(drawn).not.toContain('<b>');

    // Not the day travelled to, not signed out, not for an address that is not an id, not on another page.
    for (const [path, who] of [
      [`/objectives/${id}?asOf=2031-02-01`, cookie],
      [`/objectives/${id}`, undefined],
      ['/objectives/not-an-id', cookie],
      ['/okrs', cookie],
    ] as const)
      expect(layer(await html(path, who)), path).toBeUndefined();

    // A member not named on the private objective gets the page's hints, not its title.
    const member = await addPerson(owner.client, { role: 'member' });
    const theirs = await html(`/objectives/${id}`, member.client.cookieHeader);
    expect(layer(theirs)).toBeUndefined();
    expect(theirs).not.toContain('faster');
    expect(fetchPreloads(theirs)).toContain(`/api/v1/objectives/${id}`);
  });
});
