/**
 * Time to render and interact with a 2,000-objective cycle tree in headless Chromium.
 * Run: node --import tsx bench/tree-render.ts  (needs dist/web: npm run build)
 */
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { openPgliteInMemory } from '../src/db/pglite-engine.js';
import { alignments, cycles, keyResults, objectives } from '../src/db/schema/index.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { setupOrganization } from '../src/server/services/setup.js';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// 10 company objectives → 5 department objectives each → 8 team objectives each → 4 individual objectives each.
const FAN_OUT = [10, 5, 8, 4];

async function seed() {
  const handle = await openPgliteInMemory();
  await handle.migrate();
  const { organization, owner } = await setupOrganization(
    handle.db,
    {
      organization: 'Bench',
      name: 'Ada',
      email: 'ada@bench.test',
      password: 'bench-password-1',
    },
    'local',
  );
  const [cycle] = await handle.db
    .insert(cycles)
    .values({ orgId: organization.id, name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' })
    .returning();
  let parents: (string | null)[] = [null];
  let total = 0;
  let seedValue = 1;
  const random = () => (seedValue = (seedValue * 16807) % 2147483647) / 2147483647;
  for (const [level, fan] of FAN_OUT.entries()) {
    const rows = parents.flatMap((parent) =>
      Array.from({ length: fan }, (_, i) => ({
        id: randomUUID(),
        parent,
        title: `Level ${level + 1} objective ${total + i + 1}: grow what matters`,
        progress: random(),
      })),
    );
    total += rows.length;
    await handle.db.insert(objectives).values(
      rows.map((r) => ({
        id: r.id,
        orgId: organization.id,
        cycleId: cycle!.id,
        title: r.title,
        ownerId: owner.id,
        progress: r.progress,
      })),
    );
    await handle.db.insert(keyResults).values(
      rows.flatMap((r) =>
        [0, 1].map((k) => ({
          orgId: organization.id,
          objectiveId: r.id,
          title: `Key result ${k + 1}`,
          kind: 'metric' as const,
          startValue: 0,
          targetValue: 100,
          progress: r.progress,
        })),
      ),
    );
    const links = rows
      .filter((r) => r.parent)
      .map((r) => ({ orgId: organization.id, childObjectiveId: r.id, parentObjectiveId: r.parent }));
    if (links.length) await handle.db.insert(alignments).values(links);
    parents = rows.map((r) => r.id);
  }
  return { handle, cycleId: cycle!.id, total };
}

async function main() {
  const { handle, cycleId, total } = await seed();
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({ handle, config: { ...loadConfig({}), publicUrl: url }, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.request.post(`${url}/api/auth/sign-in/email`, {
    data: { email: 'ada@bench.test', password: 'bench-password-1' },
    headers: { origin: url },
  });
  const results: Record<string, number> = {};
  // What the page asks for on opening (the top two levels) and when searching (all of it).
  for (const depth of [2, 20]) {
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const response = await page.request.get(`${url}/api/v1/cycles/${cycleId}/tree?depth=${depth}`);
      results[`GET tree API depth=${depth}, run ${i + 1} (${Math.round((await response.body()).length / 1024)} KiB)`] = Math.round(
        performance.now() - started,
      );
    }
  }
  const time = async (name: string, action: () => Promise<void>) => {
    const started = performance.now();
    await action();
    results[name] = Math.round(performance.now() - started);
  };
  // The list is virtual: wait until it holds n rows and the ones in view are drawn.
  const rowCount = (n: number) =>
    page.waitForFunction((expected) => {
      const list = document.querySelector('[data-testid="okr-tree"]');
      return list?.getAttribute('data-rows') === String(expected) && list.querySelectorAll('li').length > 0;
    }, n);
  // The tree opens with its top two levels expanded: 10 + 50 + 400 rows on screen.
  const opened = FAN_OUT[0]! * (1 + FAN_OUT[1]! * (1 + FAN_OUT[2]!));
  await time(`open tree page (${opened} rows, 3 levels)`, async () => {
    await page.goto(`${url}/okrs?cycle=${cycleId}`);
    await rowCount(opened);
  });
  await time(`search "objective" (all ${total} rows shown)`, async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('objective');
    await rowCount(total);
  });
  await time('clear search', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await rowCount(opened);
  });
  // Its branch sits below the fetched levels: this includes fetching it.
  await time(`expand one team objective (+${FAN_OUT[3]} rows)`, async () => {
    await page
      .getByRole('button', { name: /^Expand / })
      .first()
      .click();
    await rowCount(opened + FAN_OUT[3]!);
  });
  const memory = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(JSON.stringify({ objectives: total, timingsMs: results, jsHeapMb: Math.round(memory / 1e6) }, null, 2));
  await browser.close();
  await app.close();
  await handle.close();
}

await main();
