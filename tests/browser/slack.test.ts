/** An admin sets up the Slack app from its install page; a person gets their one-time Slack link code. */
import { describe, expect, it } from 'vitest';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const SECRET = '0123456789abcdef0123456789abcdef';
const BOT_TOKEN = 'xoxb-1-2-browsertest';

describe('Slack app in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Slack Co', email: 'ada@slack.test' });

  it('shows the manifest, stores the secrets without showing them again, and gives a link code', { timeout: 120_000 }, async () => {
    const { page, server } = b;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/settings/slack`);
    await page.getByRole('heading', { level: 1, name: 'Slack app' }).waitFor();
    const manifest = await page.getByLabel('App manifest').textContent();
    expect(manifest).toContain('"command": "/cairn"');
    expect(manifest).toMatch(/\/slack\/[0-9a-f-]{36}\/events/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Bot token').fill('not-a-bot-token');
    await page.getByLabel('Signing secret').fill(SECRET);
    await page.getByRole('button', { name: 'Save Slack secrets' }).click();
    await page
      .getByText(/starts with xoxb-/)
      .first()
      .waitFor();
    await page.getByLabel('Bot token').fill(BOT_TOKEN);
    await page.getByRole('button', { name: 'Save Slack secrets' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByText('Slack is set up.').waitFor();
    expect(await page.content()).not.toContain(BOT_TOKEN);
    await page.screenshot({ path: `${SHOTS}/slack-install-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Slack app' }).waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/slack-install-375.png`, fullPage: true });

    await page.goto(`${server.url}/settings/profile`);
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('button', { name: 'Link Slack' }).click();
    const status = page.getByRole('status').filter({ hasText: 'In Slack, send this command' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/\/cairn link [A-Z2-9]{8}/);
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slack-profile-375.png`, fullPage: true });
  });

  it("sets a team's Slack channel on the check-in rhythm settings, refusing a #name on the field", { timeout: 120_000 }, async () => {
    const { page, server, post } = b;
    await post('/teams', { name: 'Platform' });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/settings/rhythm`);
    const channel = page.getByLabel('Slack channel for Platform');
    await channel.fill('#platform');
    await page.getByRole('button', { name: 'Save Platform' }).click();
    await page.getByText(/Use the channel ID/).waitFor();
    await channel.fill('C0PLATFORM1');
    await page.getByRole('button', { name: 'Save Platform' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/team-slack-channel-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    expect(await page.getByLabel('Slack channel for Platform').inputValue()).toBe('C0PLATFORM1');
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/team-slack-channel-375.png`, fullPage: true });
  });
});
