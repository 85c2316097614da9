import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';

// Screenshots go to test-results/ unless SCREENSHOT_DIR=docs/screenshots refreshes the README's.
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('first run in the browser', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startWebServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up the organisation, shows the shell, creates a team and invites a person', { timeout: 90_000 }, async () => {
    await page.goto(server.url);
    await page.getByLabel('Setup code').fill(TEST_SETUP_CODE);
    await page.getByLabel('Organisation name').fill('Acme Robotics');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('too-short');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/setup.png` });

    await page.getByRole('textbox', { name: 'Password' }).fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    expect(await page.getByTestId('org-name').textContent()).toBe('Acme Robotics');
    await page.getByRole('button', { name: 'Ada Lovelace' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team name').fill('Engineering');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByTestId('team-tree').getByRole('link', { name: 'Engineering' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/teams.png` });

    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    // The current page is announced as such (aria-current), and only that one: a nested path belongs to its own item.
    const current = () => page.getByRole('navigation').locator('a[aria-current="page"]').allTextContents();
    await expect.poll(current).toEqual(['People']);
    await page.getByRole('textbox', { name: 'Email' }).fill('grace@acme.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.getByTestId('invite-link').textContent();
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[\\w-]{20,}$`));
    await page.getByTestId('pending-invitations').getByText('grace@acme.test').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/people.png`, fullPage: true });

    // The invited person opens the link in their own browser and joins.
    const guest = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await guest.goto(link!);
    await guest.getByRole('heading', { name: 'Join Acme Robotics' }).waitFor();
    await guest.getByLabel('Your name').fill('Grace Hopper');
    await guest.getByRole('textbox', { name: 'Choose a password' }).fill('another-long-password');
    await guest.getByRole('button', { name: 'Join' }).click();
    await guest.getByRole('heading', { name: 'Welcome, Grace' }).waitFor();
    await guest.screenshot({ path: `${SHOTS}/home-mobile.png` });
    // On a phone the navigation is drawn the first time the burger opens it (a first visit lays out none of its
    // links), and while closed it is inert: its links, slid out of view, never take the keyboard's focus.
    expect(await guest.locator('nav a').count()).toBe(0);
    const navInert = () => guest.locator('nav').evaluate((nav) => (nav as HTMLElement).inert);
    expect(await navInert()).toBe(true);
    // On a phone the navigation opens from the burger and closes once a link is followed.
    await guest.getByRole('button', { name: 'Toggle navigation' }).click();
    expect(await navInert()).toBe(false);
    await guest.getByRole('navigation').getByRole('link', { name: 'Alignment map' }).click();
    await guest.waitForURL('**/okrs/map');
    // Collapsed, the navigation slides out of the viewport (it stays in the DOM).
    const navRight = async () => (await guest.locator('nav').boundingBox())!.x + (await guest.locator('nav').boundingBox())!.width;
    await expect.poll(navRight).toBeLessThanOrEqual(0);
    await expect.poll(() => guest.locator('nav a[aria-current="page"]').allTextContents()).toEqual(['Alignment map']);
    expect(await navInert()).toBe(true);
    for (let i = 0; i < 6; i++) {
      await guest.keyboard.press('Tab');
      expect(await guest.evaluate(() => Boolean(document.activeElement?.closest('nav')))).toBe(false);
    }
    await guest.close();

    await page.reload();
    await page.getByRole('table', { name: 'People' }).getByText('Grace Hopper').waitFor();
    expect(await page.getByTestId('pending-invitations').count()).toBe(0);
  });
});
