/** The tokens page tells how to connect an assistant; a check-in made through MCP shows as such in the history. */
import { describe, expect, it } from 'vitest';
import { callTool, connectAssistant, expectSuccess } from '../mcp/support.js';
import { scrollsSideways, seriousAxeViolations } from './browser.js';
import { useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

describe('connecting an assistant over MCP, in the browser', () => {
  const b = useSignedInBrowser({ organization: 'Assistant Co', email: 'ada@mcp.test' });

  it('shows the MCP address and scopes on the tokens page, and "via MCP" in the history', { timeout: 120_000 }, async () => {
    const { page, server, post } = b;
    await page.goto(`${server.url}/settings/tokens`);
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Connect an assistant (MCP)', level: 2 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'MCP server address' }).inputValue()).toBe(`${server.url}/mcp`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tokens-mcp-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('heading', { name: 'Connect an assistant (MCP)', level: 2 }).waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tokens-mcp-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    const cycle = await post('/cycles', { name: 'Now', startDate: '2020-01-01', endDate: '2099-12-31', status: 'active' });
    const objective = await post('/objectives', {
      cycleId: cycle.id,
      title: 'Grow the community',
      status: 'active',
      publishOverrideReason: 'Test set-up',
    });
    const kr = await post(`/objectives/${objective.id}/key-results`, {
      title: 'Reach 100 members',
      kind: 'metric',
      startValue: 0,
      targetValue: 100,
    });
    const { token } = await post<{ token: string }>('/tokens', { name: 'assistant', scopes: ['read', 'write:check-ins'] });
    const assistant = await connectAssistant(server.url, token);
    expectSuccess(await callTool(assistant, 'check_in', { keyResultId: kr.id, value: 30, note: 'From my assistant' }));
    await assistant.close();
    await page.goto(`${server.url}/objectives/${objective.id}`);
    const history = page.getByRole('list', { name: 'Activity history' });
    await history.getByText('checked in via MCP').waitFor();
    expect(await history.getByText('added a key result via MCP').count()).toBe(0);
  });
});
