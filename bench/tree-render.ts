/**
 * Time to render and interact with a 2,000-objective cycle tree in headless Chromium.
 * Run: node --import tsx bench/tree-render.ts  (needs dist/web: npm run build)
 */
import { openSignedInPage } from './browser-bench.js';
import { seedCycle } from './seed-cycle.js';

// 10 company objectives → 5 department objectives each → 8 team objectives each → 4 individual objectives each.
const FAN_OUT = [10, 5, 8, 4];

async function main() {
  const { handle, cycleId, total } = await seedCycle({ fanOut: FAN_OUT });
  const { url, page, close } = await openSignedInPage(handle);
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
  await close();
}

await main();
