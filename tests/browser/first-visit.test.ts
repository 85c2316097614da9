import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './browser.js';
import { postActiveQuarter, postPublishedObjective, useSignedInBrowser } from './signed-in.js';

/**
 * Records every use of `Intl` a page makes: its constructors, and the `toLocale…` and `localeCompare` methods that go
 * through it. A page's first `Intl` object initialises ICU (20–50 ms of one task on a phone's first visit), so the
 * pages people open first write English (United States) numbers and dates without it (domain/format-measure and
 * domain/format-when).
 */
const RECORD_INTL = `window.__intl = [];
  const record = (what) => window.__intl.push(what);
  for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat']) {
    Intl[name] = new Proxy(Intl[name], {
      construct: (target, args) => (record('new Intl.' + name), new target(...args)),
      apply: (target, self, args) => (record('Intl.' + name + '()'), target(...args)),
    });
  }
  for (const [type, method] of [[Date, 'toLocaleString'], [Date, 'toLocaleDateString'], [Date, 'toLocaleTimeString'],
    [Number, 'toLocaleString'], [String, 'localeCompare']]) {
    const original = type.prototype[method];
    type.prototype[method] = function (...args) { record(type.name + '.' + method); return original.apply(this, args); };
  }`;

/**
 * Records, in the tree's first commit that has any objective's row, which rows it has, and whether a skeleton stood
 * for the rows or the figures before: React commits a render's DOM at once, and an observer's callback runs after.
 */
const RECORD_TREE_ROWS = `window.__tree = { skeleton: false, firstRows: null };
  new MutationObserver(() => {
    const seen = window.__tree;
    if (document.querySelector('#root [role="status"][aria-busy="true"]:not([aria-label]), #root [aria-busy="true"]:not([role])'))
      seen.skeleton = true;
    if (!seen.firstRows) {
      const rows = [...document.querySelectorAll('#root a[href^="/objectives/"]')].map((a) => a.textContent);
      if (rows.length) seen.firstRows = rows;
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });`;

describe('first visits to the pages people open first', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' }, { width: 412, height: 823 });
  /** A fresh context signed in with the same cookies: nothing is cached, as on a first visit. */
  const freshContext = async (viewport = { width: 412, height: 823 }) =>
    b.browser.newContext({ storageState: await b.page.context().storageState(), viewport });
  let objectiveId = '';
  let cycleId = '';

  beforeAll(async () => {
    const cycle = await postActiveQuarter(b);
    const objective = await postPublishedObjective(b, cycle.id, 'Become the obvious choice');
    objectiveId = objective.id;
    cycleId = cycle.id;
    const child = await postPublishedObjective(b, cycle.id, 'Win the first ten partners');
    await b.post(`/objectives/${child.id}/alignments`, { parentObjectiveId: objective.id });
    const kr = await b.post(`/objectives/${objective.id}/key-results`, {
      title: 'Annual recurring revenue',
      kind: 'metric',
      startValue: 100_000,
      targetValue: 250_000,
      unit: 'EUR',
    });
    await b.post(`/key-results/${kr.id}/check-ins`, { value: 137_500.5, confidence: 7 });
  });

  it('in English (United States) make no use of Intl on Home, the tree and an objective page', { timeout: 90_000 }, async () => {
    const { page, server } = b;
    await page.addInitScript({ content: RECORD_INTL });

    const intlCalls = () => page.evaluate(() => (window as unknown as { __intl: string[] }).__intl);
    await page.goto(`${server.url}/`);
    await page.getByText('137,500.5').first().waitFor();
    expect(await intlCalls()).toEqual([]);

    await page.goto(`${server.url}/okrs`);
    await page.getByRole('link', { name: 'Become the obvious choice' }).waitFor();
    expect(await intlCalls()).toEqual([]);

    await page.goto(`${server.url}/objectives/${objectiveId}`);
    // The history is a lower panel: it loads once the page is idle, and writes each entry's moment.
    const history = page.getByRole('list', { name: 'Activity history' });
    await history.getByText('checked in').first().waitFor();
    await expect.poll(() => history.locator('li').first().textContent()).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
    expect(await intlCalls()).toEqual([]);
    // The recorder does see a use: the page's own call after the checks is listed.
    await page.evaluate(() => new Date().toLocaleString());
    expect(await intlCalls()).toEqual(['Date.toLocaleString']);
  });

  it(
    'ask for the stylesheets and first answers the page needs from index.html, none again from a script',
    { timeout: 60_000 },
    async () => {
      // A chunk's stylesheet added by the app when it imports the page is waited for: a round trip more before the
      // page is drawn. The tree and the objective page share one (the hints' CSS). The tree's rows wait for the cycles
      // and then the tree, the objective page's title for the objective: preloaded, each is asked for once.
      for (const path of ['/okrs', `/objectives/${objectiveId}`]) {
        const context = await freshContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const stylesheets: { url: string; initiator: string }[] = [];
        const answers: { url: string; initiator: string }[] = [];
        cdp.on('Network.requestWillBeSent', (event) => {
          const url = new URL(event.request.url);
          if (event.type === 'Stylesheet') stylesheets.push({ url: url.pathname, initiator: event.initiator.type });
          if (/^\/api\/v1\/(cycles|objectives\/[\w-]+$)/.test(url.pathname))
            answers.push({ url: url.pathname + url.search, initiator: event.initiator.type });
        });
        await cdp.send('Network.enable');
        await page.goto(`${b.server.url}${path}`);
        await page.getByText('Become the obvious choice').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(stylesheets.length, path).toBeGreaterThanOrEqual(2);
        expect(
          stylesheets.filter((s) => s.initiator !== 'parser'),
          path,
        ).toEqual([]);
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
        );
        expect(new Set(links).size, path).toBe(links.length);
        const first =
          path === '/okrs'
            ? ['/api/v1/cycles', `/api/v1/cycles/${cycleId}`, `/api/v1/cycles/${cycleId}/tree?depth=2`]
            : [`/api/v1/objectives/${objectiveId}`];
        expect(
          answers.filter((a) => first.includes(a.url)),
          path,
        ).toEqual(first.map((url) => ({ url, initiator: 'parser' })));
        await context.close();
      }
    },
  );

  it("draw the tree's first two levels with the page, no skeleton before them", { timeout: 60_000 }, async () => {
    // Its answers are preloaded by index.html and asked for as the app starts (api/preloaded-answers.ts): they are in
    // the cache when the page first renders, and the second level is open in that render.
    const context = await freshContext();
    const page = await context.newPage();
    await page.addInitScript({ content: RECORD_TREE_ROWS });
    await page.goto(`${b.server.url}/okrs`);
    await page.getByRole('link', { name: 'Win the first ten partners' }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __tree: { skeleton: boolean; firstRows: string[] } }).__tree);
    expect(seen.skeleton).toBe(false);
    expect(seen.firstRows).toEqual(expect.arrayContaining(['Become the obvious choice', 'Win the first ten partners']));
    await context.close();

    // Reached from Home instead, nothing is preloaded: the page asks for the tree, and the recorder sees the skeleton.
    const wide = await freshContext({ width: 1366, height: 900 });
    const fromHome = await wide.newPage();
    await fromHome.addInitScript({ content: RECORD_TREE_ROWS });
    await fromHome.goto(`${b.server.url}/`);
    await fromHome.getByRole('navigation').getByRole('link', { name: 'OKRs', exact: true }).click();
    await fromHome.getByRole('link', { name: 'Win the first ten partners' }).waitFor();
    expect(await fromHome.evaluate(() => (window as unknown as { __tree: { skeleton: boolean } }).__tree.skeleton)).toBe(true);
    await wide.close();
  });

  it("ask for the header's unread count and the live stream once the page is drawn", { timeout: 60_000 }, async () => {
    // Neither is on the first screen: asked for with the shell, they shared the page's connections and main thread. They
    // now wait until the first page is drawn with its answers and the browser is idle (components/once-settled.ts).
    const context = await freshContext();
    const page = await context.newPage();
    await page.addInitScript({
      content: `new MutationObserver((_, observer) => {
          if (!document.querySelector('#root a[href^="/objectives/"]')) return;
          window.__rowsAt = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        const Original = window.EventSource;
        window.EventSource = class extends Original {
          constructor(...args) { super(...args); window.__streamAt = performance.now(); }
        };`,
    });
    await page.goto(`${b.server.url}/okrs`);
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).waitFor();
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName(`${location.origin}/api/v1/notifications?limit=50`).length))
      .toBe(1);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __streamAt?: number }).__streamAt)).toBeGreaterThan(0);
    const { rowsAt, streamAt, countAt } = await page.evaluate(() => ({
      rowsAt: (window as unknown as { __rowsAt: number }).__rowsAt,
      streamAt: (window as unknown as { __streamAt: number }).__streamAt,
      countAt: performance.getEntriesByName(`${location.origin}/api/v1/notifications?limit=50`)[0]!.startTime,
    }));
    expect(streamAt).toBeGreaterThan(rowsAt);
    expect(countAt).toBeGreaterThan(rowsAt);
    await context.close();
  });

  it('load the foot of a long objective page on a phone once scrolled near it', { timeout: 60_000 }, async () => {
    const long = await postPublishedObjective(b, cycleId, 'A page longer than a phone');
    for (let i = 1; i <= 8; i++)
      await b.post(`/objectives/${long.id}/key-results`, { title: `Measure ${i}`, kind: 'metric', startValue: 0, targetValue: 10 });
    const context = await freshContext();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${b.server.url}/objectives/${long.id}`);
    await page.getByText('Measure 8').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Files, comments and history are a screen or more below: nothing of theirs is asked for yet.
    const history = page.getByRole('list', { name: 'Activity history' });
    expect(await history.count()).toBe(0);
    expect(asked.filter((path) => path.endsWith('/activity') || path.endsWith('/attachments') || path === '/api/v1/comments')).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await history.getByText('created').first().waitFor();
    expect(asked).toContain(`/api/v1/objectives/${long.id}/activity`);
    await context.close();
  });

  it("show objectives on a phone's first screen of the tree, the filters and time travel folded", { timeout: 60_000 }, async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${b.server.url}/okrs`);
    const row = page.getByRole('link', { name: 'Become the obvious choice' });
    await row.waitFor();
    const box = (await row.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(823);
    expect(await page.getByLabel('Team').count()).toBe(0);
    expect(await page.getByLabel('As of').count()).toBe(0);

    const toggle = page.getByRole('button', { name: 'Filters' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    await panel.getByLabel('Type').selectOption('aspirational');
    await page.getByText('No objectives match these filters.').waitFor();
    expect(await page.getByRole('button', { name: 'Filters (1)' }).count()).toBe(1);
    await panel.getByLabel('As of').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A day travelled to shows at once: the address opens the folded filters with the field in them.
    await page.goto(`${b.server.url}/okrs?asOf=2026-11-01`);
    await page.getByLabel('As of').waitFor();
    expect(await page.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded')).toBe('true');
    await context.close();
  });
});
