import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlesOf } from '../../src/web/components/across/map-layout.js';
import { seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the alignment map in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('opens the map, focuses on a department and clicks through to an objective', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    const cycle = await b.post('/cycles', { name: 'This quarter', startDate: day(-30), endDate: day(60), status: 'active' });
    const eng = await b.post('/teams', { name: 'Engineering', kind: 'department' });
    const sales = await b.post('/teams', { name: 'Sales', kind: 'department' });
    const published = { cycleId: cycle.id, status: 'active', effectiveStartDate: null, publishOverrideReason: 'Test set-up' };
    const grow = await b.post('/objectives', { ...published, title: 'Grow the business' });
    const ship = await b.post('/objectives', { ...published, title: 'Ship faster', teamId: eng.id });
    const win = await b.post('/objectives', { ...published, title: 'Win the mid-market', teamId: sales.id });
    await b.post('/objectives', { ...published, title: 'Tidy the CRM', teamId: sales.id });
    await b.post(`/objectives/${ship.id}/alignments`, { parentObjectiveId: grow.id });
    await b.post(`/objectives/${win.id}/alignments`, { parentObjectiveId: grow.id });

    await page.goto(`${server.url}/okrs/map`);
    await page.getByRole('heading', { name: 'Alignment map' }).waitFor();
    await page.getByTestId('map-objective').filter({ hasText: 'Tidy the CRM' }).getByText('Orphan').waitFor();
    expect(await page.getByTestId('map-objective').count()).toBe(4);
    await page.getByTestId('alignment-health').getByText('67%').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/alignment-map.png` });

    // Nodes declare their size and handles so React Flow draws only those in view without measuring every
    // node first: what they declare must be where React Flow would have measured them in the page.
    const drawn = await page.evaluate(() => {
      const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).m22;
      const round = (v: number) => Math.round(v * 100) / 100;
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
        const box = node.getBoundingClientRect();
        const handles = [...node.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
          const r = h.getBoundingClientRect();
          const type = h.classList.contains('source') ? 'source' : 'target';
          return {
            type,
            position: h.dataset.handlepos,
            x: round((r.left - box.left) / zoom),
            y: round((r.top - box.top) / zoom),
            width: h.offsetWidth,
            height: h.offsetHeight,
          };
        });
        return {
          type: node.dataset.type ?? node.className.match(/react-flow__node-(\w+)/)![1]!,
          width: node.offsetWidth,
          height: node.offsetHeight,
          handles,
        };
      });
    });
    expect(drawn.length).toBe(4);
    for (const node of drawn) {
      const declared = handlesOf(node.type as 'objective', { width: node.width, height: node.height });
      expect(node.handles).toEqual(declared.map(({ type, position, x, y, width, height }) => ({ type, position, x, y, width, height })));
    }

    await page.getByRole('combobox', { name: 'Focus on' }).click();
    await page.getByRole('option', { name: 'Engineering (department)' }).click();
    await page.waitForURL(/focus=/);
    await page.getByTestId('map-objective').filter({ hasText: 'Win the mid-market' }).waitFor({ state: 'detached' });
    // The focused map is fetched anew: wait for it to be drawn before counting.
    await page.getByTestId('map-objective').filter({ hasText: 'Ship faster' }).waitFor();
    await expect.poll(() => page.getByTestId('map-objective').count()).toBe(2);

    await page.getByRole('link', { name: 'Ship faster' }).click();
    await page.getByRole('heading', { name: 'Ship faster' }).waitFor();
    expect(page.url()).toBe(`${server.url}/objectives/${ship.id}`);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/okrs/map`);
    await page.getByTestId('map-objective').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/alignment-map-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
