import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './browser.js';
import { startWebServer, TEST_SETUP_CODE } from './server.js';

// Screenshots go to test-results/ unless SCREENSHOT_DIR=docs/screenshots refreshes the README's.
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

/** Reads the percentage shown for an objective in the tree. */
async function treeProgress(page: Page, title: string): Promise<string> {
  const row = page
    .getByTestId('okr-tree')
    .locator('li')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
    .first();
  return (await row.getByTestId('progress-value').textContent()) ?? '';
}

async function addKeyResult(page: Page, fill: () => Promise<void>) {
  await page.getByRole('button', { name: 'Add key result' }).click();
  await fill();
  await page.getByRole('button', { name: 'Add key result' }).last().click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('the OKR workspace in the browser', () => {
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // A stuck step fails with its own locator rather than the whole test timing out.
    page.setDefaultTimeout(10_000);
    const setup = await page.request.post(`${server.url}/api/v1/setup`, {
      data: {
        organization: 'Acme Robotics',
        name: 'Ada Lovelace',
        email: 'ada@acme.test',
        password: 'correct-horse-battery',
        setupCode: TEST_SETUP_CODE,
      },
      headers: { origin: server.url },
    });
    expect(setup.status()).toBe(201);
    const team = await page.request.post(`${server.url}/api/v1/teams`, { data: { name: 'Support' }, headers: { origin: server.url } });
    expect(team.status()).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a cycle of aligned OKRs, checks in, and shows the roll-up move on screen', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/okrs`);
    await page.getByRole('button', { name: 'Create cycle' }).click();
    await page.getByRole('button', { name: 'New objective' }).click();
    await page.getByRole('textbox', { name: 'Objective' }).fill('Delight our customers');
    await page.getByRole('button', { name: 'Create objective' }).click();
    await page.getByRole('heading', { name: 'Delight our customers' }).waitFor();

    // An invalid key result shows the API's error on the field.
    await page.getByRole('button', { name: 'Add key result' }).click();
    await page.getByRole('textbox', { name: 'Key result' }).fill('NPS up');
    await page.getByRole('textbox', { name: 'Start value' }).fill('30');
    await page.getByRole('textbox', { name: 'Target value' }).fill('30');
    await page.getByRole('button', { name: 'Add key result' }).last().click();
    await page.getByText('must differ from startValue').waitFor();
    await page.getByRole('textbox', { name: 'Target value' }).fill('50');
    await page.getByRole('button', { name: 'Add key result' }).last().click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await addKeyResult(page, async () => {
      await page.getByRole('textbox', { name: 'Key result' }).fill('Support objectives delivered');
      await page.getByRole('dialog').getByText('Roll-up', { exact: true }).click();
    });
    await addKeyResult(page, async () => {
      await page.getByRole('textbox', { name: 'Key result' }).fill('Keep CSAT at or above 90%');
      await page.getByRole('dialog').getByText('Keep a level', { exact: true }).click();
      await page.getByRole('textbox', { name: 'At least' }).fill('90');
    });
    await page.getByRole('region', { name: 'Key result: Support objectives delivered' }).waitFor();

    // A team objective aligned to the company's roll-up key result.
    await page.goto(`${server.url}/okrs`);
    await page.getByRole('button', { name: 'New objective' }).click();
    await page.getByRole('textbox', { name: 'Objective' }).fill('Answer every customer fast');
    await page.getByRole('dialog').getByLabel('Team', { exact: true }).click();
    await page.getByRole('option', { name: 'Support' }).click();
    await page.getByRole('dialog').getByLabel('Aligns to', { exact: true }).click();
    await page.getByRole('option', { name: 'Key result: Support objectives delivered' }).click();
    await page.getByRole('button', { name: 'Create objective' }).click();
    await page.getByRole('heading', { name: 'Answer every customer fast' }).waitFor();
    await addKeyResult(page, async () => {
      await page.getByRole('textbox', { name: 'Key result' }).fill('First reply time from 10 to 2 hours');
      await page.getByRole('textbox', { name: 'Start value' }).fill('10');
      await page.getByRole('textbox', { name: 'Target value' }).fill('2');
    });
    await addKeyResult(page, async () => {
      await page.getByRole('textbox', { name: 'Key result' }).fill('Self-service help centre live');
      await page.getByRole('dialog').getByText('Milestones', { exact: true }).click();
      await page.getByRole('textbox', { name: 'Milestone 1' }).fill('Articles written');
      await page.getByRole('button', { name: 'Add milestone' }).click();
      await page.getByRole('textbox', { name: 'Milestone 2' }).fill('Search live');
    });

    await page.goto(`${server.url}/okrs`);
    expect(await treeProgress(page, 'Delight our customers')).toBe('0%');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Check in on the team key result: 10 → 6 hours is half-way, so the team objective is at 25% (with 0% milestones).
    await page.getByRole('link', { name: 'Answer every customer fast' }).click();
    const reply = page.getByRole('region', { name: 'Key result: First reply time from 10 to 2 hours' });
    await reply.getByRole('button', { name: 'Check in' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Current value' }).fill('6');
    expect(await dialog.getByTestId('progress-preview').textContent()).toContain('50%');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/check-in.png` });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Hired two agents');
    // Confidence starts unset and must be chosen.
    await dialog.getByRole('button', { name: 'Check in' }).click();
    await dialog.getByText('Choose your confidence, from 0 to 10.').waitFor();
    await dialog.getByRole('radiogroup').getByText('7', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Check in' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reply.getByText('50%').waitFor();
    await page.getByText('25%').first().waitFor();

    // Correct the check-in: 4 hours is 75%.
    await reply.getByRole('button', { name: 'History' }).click();
    await reply.getByRole('button', { name: /Correct check-in/ }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Current value' }).fill('4');
    await page.getByRole('dialog').getByRole('button', { name: 'Save correction' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await reply.getByText('75%').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/objective.png`, fullPage: true });

    // The company objective moved: NPS 0, roll-up 37.5% (the team objective), CSAT 0 → 12.5%, shown as 13%.
    await page.goto(`${server.url}/okrs`);
    await page.getByTestId('okr-tree').getByRole('link', { name: 'Answer every customer fast' }).waitFor();
    expect(await treeProgress(page, 'Answer every customer fast')).toBe('38%');
    expect(await treeProgress(page, 'Delight our customers')).toBe('13%');
    await page.screenshot({ path: `${SHOTS}/tree.png`, fullPage: true });

    // Home lists my key results with one click to check in.
    await page.goto(server.url);
    await page.getByTestId('my-key-results').getByText('First reply time from 10 to 2 hours').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });

    // Close the cycle from its settings: it is scored, and the objective page takes no more check-ins.
    await page.goto(`${server.url}/okrs`);
    await page.getByRole('button', { name: 'Cycle settings' }).click();
    await page.getByRole('dialog').getByLabel('Phase', { exact: true }).click();
    await page.getByRole('option', { name: 'Closed (scored)' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close and score the cycle' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('okr-tree').getByRole('link', { name: 'Answer every customer fast' }).click();
    await page.getByText('Final score').waitFor();
    expect(await page.getByRole('button', { name: 'Check in' }).count()).toBe(0);

    // Narrow screens work too.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/okrs`);
    await page.getByTestId('okr-tree').getByRole('link', { name: 'Delight our customers' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/tree-mobile.png`, fullPage: true });
  });
});
