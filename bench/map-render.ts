/**
 * Time until the alignment map is interactive in headless Chromium (issue 14: at 2,000 objectives
 * within 1 s; at 12,500 it opens aggregated by department and expands one on demand).
 * Run: node --import tsx bench/map-render.ts [--runs 3] [--no-big] [--no-analyze]  (needs dist/web: npm run build)
 *
 * The seeded tables are analyzed first, as `cairn serve` does for PGlite two seconds after it starts and every
 * minute after (DatabaseHandle.maintain): without statistics the map's links query joined 1,960 alignments to
 * 1,968 objectives by a nested loop (1.9 million comparisons, 0.3–1.9 s), a state a served map is in for at most a
 * minute after a bulk change. `--no-analyze` measures that state.
 */
import type { Page } from 'playwright-core';
import { openSignedInPage } from './browser-bench.js';
import { seedCycle } from './seed-cycle.js';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;

// Company → department → team → people: 8 + 40 + 320 + 1,600 = 1,968 objectives, drawn in full.
const FULL_MAP = [8, 5, 8, 5];
// 10 + 50 + 500 + 12,000 = 12,560 objectives: above the threshold, the map starts aggregated.
const BIG_MAP = [10, 5, 10, 24];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The viewport's transform, which a zoom changes once React Flow has handled the click. */
const viewport = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');

/** Navigation → graph drawn → a zoom-in click answered: the map is usable, not just painted. */
async function openMap(page: Page, url: string) {
  const started = performance.now();
  await page.goto(url);
  // React Flow keeps a node hidden until it has measured it.
  await page
    .locator('[data-testid="alignment-graph"] .react-flow__node[style*="visibility: visible"]')
    .first()
    .waitFor({ timeout: 120_000 });
  const drawn = performance.now() - started;
  // When the map's answer arrived, from the navigation's start: what is left of `drawn` is the browser's.
  const answered = await page.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /\/api\/v1\/cycles\/[^/]+\/map/.test(e.name))
        ?.responseEnd ?? Number.NaN,
  );
  const before = await viewport(page);
  await page.getByRole('button', { name: /zoom in/i }).click();
  await page.waitForFunction((previous) => document.querySelector('.react-flow__viewport')?.getAttribute('style') !== previous, before);
  const interactive = performance.now() - started;
  const nodesInDom = await page.locator('.react-flow__node').count();
  return { drawn, interactive, nodesInDom, answered };
}

async function measure(fanOut: readonly number[], label: string) {
  const { handle, cycleId, total } = await seedCycle({ fanOut, withTeams: true });
  const analyzed = args.includes('--no-analyze') ? [] : ((await handle.maintain?.()) ?? []);
  const { url, page, close } = await openSignedInPage(handle);
  try {
    const apiStarted = performance.now();
    const map = (await (await page.request.get(`${url}/api/v1/cycles/${cycleId}/map`, { timeout: 300_000 })).json()) as {
      nodes: unknown[];
      aggregated?: boolean;
    };
    const apiMs = performance.now() - apiStarted;
    const samples = [];
    // The first visit also fetches and compiles the map's chunks (elkjs is the largest): reported apart.
    const first = await openMap(page, `${url}/okrs/map?cycle=${cycleId}`);
    for (let i = 0; i < runs; i++) samples.push(await openMap(page, `${url}/okrs/map?cycle=${cycleId}`));
    const result: Record<string, unknown> = {
      map: label,
      objectives: total,
      nodes: map.nodes.length,
      aggregated: map.aggregated ?? false,
      tablesAnalyzed: analyzed.length,
      apiMs: Math.round(apiMs),
      firstVisit: { drawnMs: Math.round(first.drawn), interactiveMs: Math.round(first.interactive) },
      medianOf: runs,
      drawnMs: Math.round(median(samples.map((s) => s.drawn))),
      interactiveMs: Math.round(median(samples.map((s) => s.interactive))),
      nodesInDom: samples[0]!.nodesInDom,
      mapAnsweredMs: Math.round(median(samples.map((s) => s.answered))),
    };
    if (map.aggregated) {
      // Expanding one department asks the server for its objectives and lays them out.
      const before = await page.locator('.react-flow__node').count();
      const started = performance.now();
      await page
        .getByRole('button', { name: /^Expand / })
        .first()
        .click();
      await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length > n, before);
      result.expandOneDepartmentMs = Math.round(performance.now() - started);
    }
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await close();
  }
}

await measure(FULL_MAP, 'full');
if (!args.includes('--no-big')) await measure(BIG_MAP, 'aggregated');
// Closing the in-memory database can leave a handle open (the process stayed up after its report): done is done.
process.exit(0);
