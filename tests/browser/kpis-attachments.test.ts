import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations, scrollsSideways, wideElements } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('Links, files and initiatives in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it(
    'attaches a link and a file to an objective, plans an initiative under a key result, and sees it in the week',
    { timeout: 120_000 },
    async () => {
      const { page, server } = b;
      const cycle = await b.post('/cycles', { name: 'Now', startDate: day(-40), endDate: day(40), status: 'active' });
      const objective = await b.post('/objectives', {
        cycleId: cycle.id,
        title: 'Delight new customers',
        status: 'active',
        publishOverrideReason: 'Browser test set-up',
      });
      await b.post(`/objectives/${objective.id}/key-results`, { title: 'Activation', kind: 'metric', startValue: 40, targetValue: 60 });

      await page.goto(`${server.url}/objectives/${objective.id}`);
      const panel = page.getByRole('region', { name: 'Links and files of this objective' });
      await panel.getByText('Nothing attached yet.').waitFor();
      // A javascript: link is refused on its field.
      await panel.getByRole('textbox', { name: 'Link title' }).fill('Research');
      await panel.getByRole('textbox', { name: 'Address' }).fill('javascript:alert(1)');
      await panel.getByRole('button', { name: 'Add link' }).click();
      await panel.getByText('Only http and https links are allowed').waitFor();
      await panel.getByRole('textbox', { name: 'Address' }).fill('https://research.example.com/interviews');
      await panel.getByRole('button', { name: 'Add link' }).click();
      const link = panel.getByRole('link', { name: 'Research' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('https://research.example.com/interviews');

      const chooser = page.waitForEvent('filechooser');
      await panel.getByRole('button', { name: 'Attach a file' }).click();
      await (
        await chooser
      ).setFiles({ name: 'interviews.txt', mimeType: 'text/plain', buffer: Buffer.from('Five interviews, three themes.') });
      const file = panel.getByRole('link', { name: 'interviews.txt' });
      await file.waitFor();
      const download = page.waitForEvent('download');
      await file.click();
      expect((await download).suggestedFilename()).toBe('interviews.txt');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/objective-attachments.png`, fullPage: true });

      await page.getByRole('button', { name: 'Work, KPI and files of Activation' }).click();
      const work = page.getByRole('form', { name: 'Add an initiative' });
      await work.getByRole('textbox', { name: 'Initiative' }).fill('Guided first project');
      await work.getByRole('button', { name: 'Add initiative' }).click();
      await page.getByRole('combobox', { name: 'Status of Guided first project' }).selectOption('in_progress');
      await page.getByText('Initiatives do not count in its progress').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 375, height: 800 });
      // The navigation slides away after the resize: judge the layout once it has settled.
      await expect.poll(() => wideElements(page), { message: 'elements wider than the 375 px screen', timeout: 5_000 }).toEqual([]);
      await expect.poll(() => scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: `${SHOTS}/key-result-initiatives-375.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.goto(`${server.url}/`);
      const mine = page.getByRole('region', { name: 'My initiatives' });
      await mine.getByRole('link', { name: 'Guided first project' }).waitFor();
      await mine.getByText('In progress', { exact: false }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );
});
