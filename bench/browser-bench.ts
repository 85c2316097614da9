/** The app on a seeded in-memory database and a signed-in headless Chromium page, for the browser benches. */
import type { DatabaseHandle } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { launchBrowser } from '../tests/browser/browser.js';
import { BENCH_OWNER } from './seed-cycle.js';

export async function openSignedInPage(handle: DatabaseHandle) {
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({ handle, config: { ...loadConfig({}), publicUrl: url }, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  // The browser tests' launch: the same Chromium and flags.
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.request.post(`${url}/api/auth/sign-in/email`, { data: BENCH_OWNER, headers: { origin: url } });
  return {
    url,
    page,
    close: async () => {
      await browser.close();
      await app.close();
      await handle.close();
    },
  };
}
