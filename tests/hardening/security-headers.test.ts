import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPgliteInMemory } from '../../src/db/pglite-engine.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { launchBrowser } from '../browser/browser.js';
import { startWebServer, TEST_SETUP_CODE } from '../browser/server.js';

describe('security headers', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPgliteInMemory();
    await handle.migrate();
  });
  afterAll(() => handle?.close());

  const headersFrom = async (publicUrl: string, url: string) => {
    const app = await buildApp({ handle, config: { ...loadConfig({}), publicUrl }, logger: false });
    try {
      return (await app.inject({ method: 'GET', url })).headers;
    } finally {
      await app.close();
    }
  };

  it('forbids framing, sniffing and inline scripts, and sets a referrer policy, on pages and the API', async () => {
    for (const url of ['/', '/api/health', '/api/v1/objectives']) {
      const headers = await headersFrom('http://cairn.example.test', url);
      const csp = String(headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only when Cairn is served over https', async () => {
    const headers = await headersFrom('https://okr.example.test', '/api/health');
    expect(headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('the built app under its Content-Security-Policy', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(25_000);
    // Runs before any page script and outside the policy, so it hears every violation.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|CSP violation|Refused to/i.test(message.text()))
        problems.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up, signs in and shows the main pages and the API docs with no CSP violation', { timeout: 90_000 }, async () => {
    await page.goto(server.url);
    await page.getByLabel('Setup code').fill(TEST_SETUP_CODE);
    await page.getByLabel('Organisation name').fill('Acme Robotics');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    for (const name of ['Teams', 'People']) {
      await page.getByRole('navigation').getByRole('link', { name }).click();
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui').first().waitFor();
    expect(problems).toEqual([]);
  });
});
