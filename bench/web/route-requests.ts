import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { webRoot } from '../../src/server/app.js';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

export interface RouteLoad {
  route: string;
  api: string[];
  js: AssetBytes;
  css: AssetBytes;
  scripts: string[];
}
export interface AssetBytes {
  raw: number;
  gzip: number;
  brotli: number;
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

function bytesOf(assets: string[]): AssetBytes {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const asset of assets) {
    const file = join(webRoot, new URL(asset).pathname);
    const raw = size(file);
    total.raw += raw;
    // Below the pre-compression threshold a file is sent as it is.
    total.gzip += size(`${file}.gz`) || raw;
    total.brotli += size(`${file}.br`) || raw;
  }
  return total;
}

/** Opens each route in a fresh, signed-in page and records the scripts, stylesheets and API calls of its first load. */
export async function recordRouteLoads(url: string, cookie: string, routes: string[]): Promise<RouteLoad[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
  const loads: RouteLoad[] = [];
  try {
    for (const route of routes) {
      const context = await browser.newContext({ extraHTTPHeaders: { cookie } });
      const page = await context.newPage();
      const seen: { url: string; type: string }[] = [];
      page.on('request', (request) => seen.push({ url: request.url(), type: request.resourceType() }));
      await page.goto(url + route, { waitUntil: 'networkidle' });
      // On 2 busy cores parsing the entry can outlast networkidle's 500 ms quiet; settle once more.
      await page.waitForTimeout(2000);
      await page.waitForLoadState('networkidle');
      const of = (type: string) => seen.filter((s) => s.type === type).map((s) => s.url);
      const scripts = of('script');
      loads.push({
        route,
        scripts: scripts.map((s) => new URL(s).pathname),
        js: bytesOf(scripts),
        css: bytesOf(of('stylesheet')),
        api: seen.filter((s) => s.url.includes('/api/')).map((s) => new URL(s.url).pathname + new URL(s.url).search),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return loads;
}
