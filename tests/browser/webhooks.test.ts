/** The Webhooks settings page: add an endpoint, see its secret once, send a test event and find it in the log. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEventReceiver, type EventReceiver } from '../webhooks/receiver.js';
import { launchBrowser, scrollsSideways, seriousAxeViolations } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('the Webhooks settings page', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;
  let receiver: EventReceiver;
  beforeAll(async () => {
    // The receiver listens on 127.0.0.1: the instance setting allows private addresses, as CAIRN_WEBHOOK_ALLOW_PRIVATE=true.
    server = await startWebServer({ webhookAllowPrivate: true });
    receiver = await startEventReceiver('whsec_' + Buffer.from('placeholder-secret-bytes-1234').toString('base64'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const setup = await page.request.post(`${server.url}/api/v1/setup`, {
      data: {
        organization: 'Hooks Co',
        name: 'Ada Lovelace',
        email: 'ada@hooks.test',
        password: 'correct-horse-battery',
        setupCode: TEST_SETUP_CODE,
      },
      headers: { origin: server.url },
    });
    expect(setup.status()).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  it('adds an endpoint, shows its secret once, and logs a test event', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url);
    await page.getByRole('textbox', { name: 'Description' }).fill('Data warehouse');
    await page.getByRole('checkbox', { name: 'Blocker raised' }).check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Copy secret' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/webhooks-secret.png`, fullPage: true });
    receiver.setSecret(secret);

    // Once dismissed (or after a reload) the secret is gone for good.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: receiver.url }).waitFor();
    expect(await page.content()).not.toContain(secret.slice(6, 26));

    await page.getByRole('button', { name: 'Send test event' }).click();
    const log = page.getByRole('table', { name: `Deliveries to ${receiver.url}` });
    await log.getByRole('cell', { name: 'webhook.test' }).first().waitFor();
    // The receiver verified the signature and, as scripted, failed this first attempt with 500.
    expect(receiver.forged).toHaveLength(0);
    expect(receiver.attempts).toHaveLength(1);
    await log.getByText('500', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/webhooks.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/webhooks-375.png`, fullPage: true });
  });
});
