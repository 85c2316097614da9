/**
 * `node --import tsx bench/web/layout-shifts.ts [--no-build] [--port N]`: where the layout shifts of a first
 * visit come from. Starts the demo on PGlite, signs in, opens Home, the OKR tree and an objective page at
 * phone width (375 px, CPU slowed 4×, as Lighthouse's mobile preset) and prints each shift with the
 * elements that moved. Lighthouse gives the score; this says which element to give a placeholder.
 * On a busy machine answers arrive in any order: each page is opened twice, once as the server answers and
 * once with the secondary answers (people, teams, the cycle's summary) held back 1.5 s, as a slow host would.
 */
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '../../src/server/services/demo/demo-organization.js';
import { signIn, startDemoServer } from './demo-server.js';
import { CHROMIUM_PATH } from './route-requests.js';

const args = process.argv.slice(2);
const at = args.indexOf('--port');
const port = at >= 0 ? Number(args[at + 1]) : 3910;
if (!args.includes('--no-build'))
  spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

interface Shift {
  value: number;
  at: number;
  sources: string[];
}

// A string, not a function: tsx would wrap named functions in a helper the page does not have.
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  const describe = (node) => {
    if (!(node instanceof Element)) return String(node && node.nodeName);
    const text = (node.textContent || '').trim().slice(0, 40);
    return node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + '.' + [...node.classList].slice(0, 2).join('.') + ' "' + text + '"';
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput)
        window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: entry.sources.map((s) => describe(s.node)) });
  }).observe({ type: 'layout-shift', buffered: true });
`;

const server = await startDemoServer(port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const cookie = await signIn(server.url, demoEmail('Ada Okafor'), DEMO_PASSWORD);
  const get = async <T>(path: string) => (await (await fetch(server.url + path, { headers: { cookie } })).json()) as T;
  const cycles = await get<{ id: string; status: string }[]>('/api/v1/cycles');
  const cycle = cycles.find((c) => c.status === 'active') ?? cycles[0]!;
  const objectives = await get<{ id: string }[]>(`/api/v1/objectives?cycleId=${cycle.id}`);
  const routes = { Home: '/', 'OKR tree': '/okrs', Objective: `/objectives/${objectives[0]!.id}` };
  for (const width of [375, 1350]) {
    for (const [name, route] of Object.entries(routes))
      for (const slow of [false, true]) {
        const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 940 }, extraHTTPHeaders: { cookie } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: width === 375 ? 4 : 1 });
        if (slow)
          await page.route(/\/api\/v1\/(users|teams|cycles\/[^/?]+$)/, async (request) => {
            await new Promise((resolve) => setTimeout(resolve, 1500));
            await request.continue();
          });
        await page.addInitScript(OBSERVE_SHIFTS);
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        await page.waitForTimeout(3000);
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        console.log(
          `\n${name} at ${width} px${slow ? ' (secondary answers late)' : ''}: layout shift ${total.toFixed(3)} (${shifts.length} shifts)`,
        );
        for (const s of shifts) console.log(`  ${s.value.toFixed(3)} at ${s.at} ms: ${s.sources.join(' | ')}`);
        await context.close();
      }
  }
} finally {
  await browser.close();
  await server.stop();
}
