/** The app on a seeded in-memory database and a signed-in headless Chromium page, for the browser benches. */
import { chromium } from 'playwright-core';
import type { DatabaseHandle } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { BENCH_OWNER } from './seed-cycle.js';

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

export async function openSignedInPage(handle: DatabaseHandle) {
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({ handle, config: { ...loadConfig({}), publicUrl: url }, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
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
