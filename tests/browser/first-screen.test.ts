/**
 * An objective page's first screen is drawn by index.html (the server's `http/web/first-screen.ts`): its title is
 * painted with the stylesheets, where the page will draw it, and gives way to the page's own heading without moving
 * or blinking. The page's answer is held back here, as a slow phone or host would make it arrive late.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Route } from 'playwright-core';
import { postActiveQuarter, postPublishedObjective, useSignedInBrowser } from './signed-in.js';

const TITLE = 'Make the fleet cloud boringly reliable for every customer we serve';

// A string, not a function: tsx would wrap a named function in a helper the page does not have.
const OBSERVE_LCP = `window.__lcp = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(e.startTime); })
    .observe({ type: 'largest-contentful-paint', buffered: true });`;

/** Where a text's glyphs are (not its box): the area the browser's largest paint measures. */
const textRect = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  });

describe("an objective page's first screen", () => {
  const b = useSignedInBrowser({ organization: 'First Screen Co', email: 'ada@first-screen.test' });
  let id: string;
  beforeAll(async () => {
    const cycle = await postActiveQuarter(b);
    id = (await postPublishedObjective(b, cycle.id, TITLE)).id;
    await b.page.addInitScript(OBSERVE_LCP);
  });

  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1366, height: 900 },
  ])
    it(`paints the title before the page's answer, where the page draws it (${viewport.width} px)`, { timeout: 60_000 }, async () => {
      const { page, server } = b;
      await page.setViewportSize(viewport);
      let release!: () => void;
      const answer = new Promise<void>((resolve) => (release = resolve));
      const hold = async (route: Route) => {
        await answer;
        await route.continue();
      };
      await page.route(`**/api/v1/objectives/${id}`, hold);
      try {
        await page.goto(`${server.url}/objectives/${id}`);
        const drawn = page.locator('#first-screen .fs-title');
        expect(await drawn.textContent()).toBe(TITLE);
        // The app has started under it (its shell is there), and the layer still covers the page while it waits.
        await page.locator('header').getByText('Cairn').waitFor({ state: 'attached' });
        expect(await drawn.isVisible()).toBe(true);
        const early = await textRect(drawn);
        const releasedAt = await page.evaluate(() => performance.now());
        release();

        const heading = page.locator('main').getByRole('heading', { level: 1, name: TITLE });
        await heading.waitFor();
        expect(await page.locator('#first-screen, #first-screen-style').count(), 'the layer has left').toBe(0);
        const late = await textRect(heading);
        for (const side of ['x', 'y', 'width', 'height'] as const) expect(late[side], side).toBeCloseTo(early[side], 0);
        // The page's own title is no larger than the one drawn first: the largest paint stays the early one.
        const paints = await page.evaluate(() => (window as unknown as { __lcp: number[] }).__lcp);
        expect(paints.at(-1)).toBeLessThan(releasedAt);
      } finally {
        release();
        await page.unroute(`**/api/v1/objectives/${id}`, hold);
      }
    });

  it('gives way to the page when the objective cannot be shown', async () => {
    const { page, server } = b;
    await page.route(`**/api/v1/objectives/${id}`, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/not-found', title: 'Not found', status: 404, detail: 'The objective does not exist.' }),
      }),
    );
    try {
      await page.goto(`${server.url}/objectives/${id}`);
      await page.getByText('This objective does not exist.').waitFor();
      expect(await page.locator('#first-screen').count()).toBe(0);
    } finally {
      await page.unroute(`**/api/v1/objectives/${id}`);
    }
  });

  it('leaves at once when the app draws another page: a session ended since index.html was served', async () => {
    const { page, server } = b;
    const problem = { type: '/problems/unauthenticated', title: 'Sign in required', status: 401, detail: 'Sign in.' };
    await page.route('**/api/v1/me', (route) =>
      route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify(problem) }),
    );
    try {
      await page.goto(`${server.url}/objectives/${id}`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.locator('#first-screen').count()).toBe(0);
    } finally {
      await page.unroute('**/api/v1/me');
    }
  });
});
