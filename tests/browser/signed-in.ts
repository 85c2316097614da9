import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';

export interface SignedIn {
  server: Awaited<ReturnType<typeof startWebServer>>;
  browser: Browser;
  /** Signed in as the organisation's first owner (its cookies come from setup). */
  page: Page;
  /** POSTs JSON to the API as that owner and answers the created resource (201 expected). */
  post<T = { id: string }>(path: string, data: unknown): Promise<T>;
}

export const OWNER_PASSWORD = 'correct-horse-battery';

/**
 * The set-up most browser tests share: the real app on a fresh embedded database, Chromium, one
 * page, and an organisation set up through the API so the page is signed in as its owner.
 */
export function useSignedInBrowser(
  owner: { organization: string; name?: string; email: string },
  viewport = { width: 1280, height: 900 },
): SignedIn {
  const held = {} as SignedIn;
  beforeAll(async () => {
    held.server = await startWebServer();
    held.browser = await launchBrowser();
    held.page = await held.browser.newPage({ viewport });
    // A stuck step fails with its own locator rather than the whole test timing out.
    held.page.setDefaultTimeout(10_000);
    held.post = async <T>(path: string, data: unknown) => {
      const response = await held.page.request.post(`${held.server.url}/api/v1${path}`, { data, headers: { origin: held.server.url } });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
      return (await response.json()) as T;
    };
    await held.post('/setup', { name: 'Ada Lovelace', ...owner, password: OWNER_PASSWORD, setupCode: TEST_SETUP_CODE });
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.server?.close();
  });
  return held;
}

/** The quarter most browser tests plan in, active. */
export const postActiveQuarter = (b: SignedIn) =>
  b.post('/cycles', { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' });

/**
 * A published objective owned by the signed-in owner: a company draft is visible only to its author and the admins,
 * and the publishing check's override takes the place of a key result it has not got yet.
 */
export const postPublishedObjective = (b: SignedIn, cycleId: string, title: string) =>
  b.post('/objectives', { cycleId, title, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' });
