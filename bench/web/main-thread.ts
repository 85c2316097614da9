/**
 * What runs on the main thread during a first visit, in counts that do not depend on the machine's load:
 * `node --import tsx bench/web/main-thread.ts [--dirs dist/web,tmp/web-a] [--rounds 5] [--port 3912] [--pages Home,…]`.
 * One demo server; each build's index.html and assets are served from its directory by request interception
 * (with the server's own route hints), so builds are compared alternately on the same data. Per page and build:
 * JS bytes evaluated, React commits, DOM nodes, main-thread scripting ms under 4× CPU throttling (CPU profile)
 * and the scripts and functions with the most self time; from a trace, the tasks over 50 ms after the first
 * contentful paint as the browser ran them (trace-tasks.ts). index.html is the one a signed-in visitor gets (with the
 * page's own first answer preloaded where the server does so); `--signed-out-hints DIR,…` serves those builds the
 * signed-out hints, as a server without that preload did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DEMO_PASSWORD, demoEmail } from '../../src/server/services/demo/demo-organization.js';
import { routeHints } from '../../src/server/http/web/route-hints.js';
import { launchBrowser } from '../../tests/browser/browser.js';
import { signIn, startDemoServer } from './demo-server.js';
import { stacksOf, summariseProfile, type CpuProfile, type ProfileSummary } from './profile-summary.js';
import { traceTasks, type TraceTasks } from './trace-tasks.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1]! : fallback;
};
const dirs = option('dirs', 'dist/web').split(',');
const rounds = Number(option('rounds', '5'));
const width = Number(option('width', '375'));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

// Counts React commits and the components each one rendered (mounted, or rendered again: new props or state): React DOM
// calls the devtools hook after each commit. A fiber that React did not visit keeps its props and state objects, so
// each fiber's (and its alternate's) last seen props and state are remembered and compared; comparing a fiber with its
// alternate instead counted every fiber rendered in any earlier commit again (the Home page's 4,931 were 1,000).
// A string, not a function: tsx would wrap a function's inner arrows in a helper the page does not have.
const COUNT_COMMITS = `window.__commits = 0; window.__rendered = 0; const seen = new WeakMap();
  const rendered = (f) => {
    const last = seen.get(f) || (f.alternate && seen.get(f.alternate));
    const now = { props: f.memoizedProps, state: f.memoizedState };
    seen.set(f, now);
    if (f.alternate) seen.set(f.alternate, now);
    return !last || last.props !== now.props || last.state !== now.state;
  };
  const walk = (f) => { for (; f; f = f.sibling) { if (typeof f.type === 'function' && rendered(f)) window.__rendered += 1; walk(f.child); } };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { supportsFiber: true, renderers: new Map(), inject: () => 1,
  onCommitFiberRoot: (id, root) => { window.__commits += 1; walk(root.current.child); },
  onCommitFiberUnmount: () => {}, onPostCommitFiberRoot: () => {}, checkDCE: () => {} };`;

// --url: an already running demo server (`cairn serve --demo`), instead of starting one.
const server = args.includes('--url')
  ? { url: option('url', ''), stop: async () => undefined }
  : await startDemoServer(Number(option('port', '3912')));
const cookie = await signIn(server.url, demoEmail('Ada Okafor'), DEMO_PASSWORD);
const get = async <T>(path: string) => (await (await fetch(server.url + path, { headers: { cookie } })).json()) as T;
const cycles = await get<{ id: string; status: string; name: string }[]>('/api/v1/cycles');
const cycle = cycles.find((c) => c.status === 'active') ?? cycles[0]!;
const objectives = await get<{ id: string }[]>(`/api/v1/objectives?cycleId=${cycle.id}`);
const allRoutes: Record<string, string> = { Home: '/', 'OKR tree': '/okrs', Objective: `/objectives/${objectives[0]!.id}` };
// `--pages "OKR tree,Objective"`: only these (all three by default).
const chosen = option('pages', Object.keys(allRoutes).join(',')).split(',');
const routes = Object.fromEntries(Object.entries(allRoutes).filter(([page]) => chosen.includes(page)));
const hints = Object.fromEntries(dirs.map((dir) => [dir, routeHints(dir)]));
// The objective page's first screen, as the server draws it for this visitor (its title and cycle's name).
const objective = await get<{ title: string; cycleId: string }>(`/api/v1/objectives/${objectives[0]!.id}`);
const firstScreen = { title: objective.title, cycleName: cycles.find((c) => c.id === objective.cycleId)?.name ?? '' };
const signedOutHints = new Set(option('signed-out-hints', '').split(','));

interface Sample extends ProfileSummary {
  jsBytes: number;
  commits: number;
  rendered: number;
  domNodes: number;
  trace: TraceTasks | undefined;
}
const samples: Record<string, Sample[]> = {};
const browser = await launchBrowser();
try {
  for (let round = 0; round < rounds; round++)
    for (const dir of dirs)
      for (const [name, route] of Object.entries(routes)) {
        const context = await browser.newContext({ extraHTTPHeaders: { cookie }, viewport: { width, height: 812 } });
        const page = await context.newPage();
        await page.addInitScript({ content: COUNT_COMMITS });
        let jsBytes = 0;
        await page.route('**/*', async (request) => {
          const url = new URL(request.request().url());
          if (url.pathname.startsWith('/api/')) return request.continue();
          const file = join(dir, url.pathname);
          if (url.pathname !== '/' && existsSync(file)) {
            const body = readFileSync(file);
            if (url.pathname.endsWith('.js')) jsBytes += body.length;
            return request.fulfill({ body, contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
          }
          const visitor = {
            signedIn: !signedOutHints.has(dir),
            query: url.searchParams,
            objective: url.pathname === allRoutes.Objective ? firstScreen : undefined,
          };
          return request.fulfill({ body: hints[dir]!(url.pathname, visitor) ?? '', contentType: 'text/html' });
        });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'] });
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        // Settled: no request in flight and the DOM unchanged for 2 s (under load networkidle alone came early).
        for (let last = -1, same = 0, i = 0; same < 4 && i < 60; i++) {
          await page.waitForTimeout(500);
          const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
          same = nodes === last ? same + 1 : 0;
          last = nodes;
        }
        await page.waitForLoadState('networkidle');
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        const trace = traceTasks(await browser.stopTracing());
        if (args.includes('--stack')) for (const s of stacksOf(profile, option('stack', ''))) console.log(`${name}: ${s}`);
        // --shots: the page as drawn, for comparing builds (same server, same data).
        if (args.includes('--shots') && round === 0)
          await page.screenshot({
            path: `tmp/shots/${basename(dir)}/${name.replace(' ', '-')}-${width}.png`,
            fullPage: true,
            animations: 'disabled',
          });
        const { commits, rendered } = await page.evaluate(() => {
          const w = window as unknown as { __commits: number; __rendered: number };
          return { commits: w.__commits, rendered: w.__rendered };
        });
        const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        (samples[`${name} @ ${dir}`] ??= []).push({ ...summariseProfile(profile), jsBytes, commits, rendered, domNodes, trace });
        await context.close();
      }
} finally {
  await browser.close();
  await server.stop();
}

const pct = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
for (const [key, runs] of Object.entries(samples)) {
  const last = runs.at(-1)!;
  console.log(
    `\n## ${key}: scripting p50 ${pct(
      runs.map((r) => r.scriptingMs),
      0.5,
    ).toFixed(0)} / p95 ${pct(
      runs.map((r) => r.scriptingMs),
      0.95,
    ).toFixed(0)} ms,` +
      ` JS ${(last.jsBytes / 1024).toFixed(1)} KB, commits ${runs.map((r) => r.commits).join('/')}, components rendered ${runs.map((r) => r.rendered).join('/')}, DOM nodes ${last.domNodes}`,
  );
  console.log(
    `  blocking (tasks over 50 ms) p50 ${pct(
      runs.map((r) => r.blockingMs),
      0.5,
    ).toFixed(0)} / p95 ${pct(
      runs.map((r) => r.blockingMs),
      0.95,
    ).toFixed(0)} ms`,
  );
  const traced = runs.flatMap((r) => (r.trace ? [r.trace] : []));
  console.log(
    `  trace tasks after FCP (the browser's own task boundaries): blocking p50 ${pct(
      traced.map((t) => t.blockingMs),
      0.5,
    ).toFixed(
      0,
    )} ms, long tasks ${traced.map((t) => t.longTasks).join('/')}, longest ${traced.map((t) => t.longestMs.toFixed(0)).join('/')} ms`,
  );
  if (args.includes('--tasks')) for (const t of last.longTasks) console.log(`  task ${t.ms.toFixed(0)} ms: ${t.top}`);
  console.log('  by script:', last.byScript.map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(', '));
  console.log('  top functions:', last.byFunction.map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', '));
}
