import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '../../src/server/app.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** The fingerprinted script and stylesheet index.html names (Vite writes them under /assets/). */
function entryAssets(): { script: string; style: string } {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const style = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  if (!script || !style) throw new Error('index.html names no /assets/ script or stylesheet');
  return { script, style };
}

describe('the built web app', () => {
  it('exists (`npx vite build` first), with brotli and gzip copies of its assets', () => {
    expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
    const { script, style } = entryAssets();
    for (const asset of [script, style])
      for (const suffix of ['.br', '.gz']) expect(existsSync(join(webRoot, asset + suffix)), asset + suffix).toBe(true);
  });
});

describeEachEngine('web delivery: compression and caching', (engine) => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer(engine().handle)));
  afterAll(() => server?.close());

  const get = (path: string, acceptEncoding?: string) =>
    fetch(server.url + path, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('sends the pre-compressed brotli copy of a script to a browser that accepts it', async () => {
    const { script } = entryAssets();
    const response = await get(script, 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe(readFileSync(join(webRoot, script), 'utf8'));
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const { style } = entryAssets();
    const gzipped = await get(style, 'gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(readFileSync(join(webRoot, style), 'utf8'));
    const plain = await get(style, 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(readFileSync(join(webRoot, style), 'utf8'));
  });

  it('marks fingerprinted assets immutable for a year', async () => {
    const { script, style } = entryAssets();
    for (const asset of [script, style]) {
      const response = await get(asset, 'br');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('makes the browser revalidate index.html, at / and at a client-side route', async () => {
    for (const path of ['/', '/okrs', '/objectives/123']) {
      const response = await get(path, 'br, gzip');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('keeps the security headers on static files', async () => {
    const response = await get(entryAssets().script, 'br');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('compresses a large API answer as the client asks', async () => {
    const brotli = await get('/api/openapi.json', 'br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect((await brotli.json()) as { openapi: string }).toMatchObject({ openapi: '3.1.0' });
    const gzipped = await get('/api/openapi.json', 'gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/api/openapi.json', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('leaves a small API answer uncompressed', async () => {
    const response = await get('/api/v1/me', 'br, gzip');
    expect(response.status).toBe(401);
    expect(Number(response.headers.get('content-length'))).toBeLessThan(1024);
    expect(response.headers.get('content-encoding')).toBeNull();
  });
});
