/**
 * `npm run bench:web`: builds the web app, starts `cairn serve --demo` on a fresh PGlite directory,
 * signs in as the demo owner, records what each page downloads and runs Lighthouse on Home, the OKR
 * tree and an objective page (mobile and desktop, median of --runs). Also the server's memory.
 * Options: --no-build, --runs N (3), --port N (3900), --no-lighthouse, --mobile-only. Report: tmp/bench-web/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD, demoEmail } from '../../src/server/services/demo/demo-organization.js';
import { signIn, startDemoServer } from './demo-server.js';
import { medianOf, runLighthouse, type LighthouseResult, type Preset } from './lighthouse-run.js';
import { recordRouteLoads } from './route-requests.js';
import { renderReport } from './report.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option('runs', 3);
const port = option('port', 3900);

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
}

const server = await startDemoServer(port);
const memory: Record<string, { rssMb: number; peakMb: number }> = { started: server.memory() };
await sleep(10_000);
memory.idle = server.memory();
const cookie = await signIn(server.url, demoEmail('Ada Okafor'), DEMO_PASSWORD);
const get = async <T>(path: string) => (await (await fetch(server.url + path, { headers: { cookie } })).json()) as T;
const cycles = await get<{ id: string; status: string }[]>('/api/v1/cycles');
const cycle = cycles.find((c) => c.status === 'active') ?? cycles[0]!;
const objectives = await get<{ id: string }[]>(`/api/v1/objectives?cycleId=${cycle.id}`);
const routes = { Home: '/', 'OKR tree': '/okrs', Objective: `/objectives/${objectives[0]!.id}` };

const loads = await recordRouteLoads(server.url, cookie, Object.values(routes));
const scores: { page: string; preset: Preset; median: LighthouseResult; runs: LighthouseResult[] }[] = [];
if (!args.includes('--no-lighthouse')) {
  const presets: Preset[] = args.includes('--mobile-only') ? ['mobile'] : ['mobile', 'desktop'];
  for (const preset of presets)
    for (const [page, route] of Object.entries(routes)) {
      const results: LighthouseResult[] = [];
      for (let i = 0; i < runs; i++) results.push(await runLighthouse(server.url + route, cookie, preset));
      scores.push({ page, preset, median: medianOf(results), runs: results });
      console.log(page, preset, JSON.stringify(medianOf(results)));
    }
}
memory.afterPages = server.memory();
const children = server.children();
await server.stop();

const report = { date: new Date().toISOString(), runs, memory, serverChildren: children, loads, scores };
mkdirSync('tmp/bench-web', { recursive: true });
writeFileSync('tmp/bench-web/report.json', JSON.stringify(report, null, 2));
const markdown = renderReport(report);
writeFileSync('tmp/bench-web/report.md', markdown);
console.log(markdown);
