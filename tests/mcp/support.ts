import { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { Client } from '../support/client.js';
import { expectStatus } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, setUpOkrWorld, TestClock, type OkrWorld } from '../okrs/support.js';

/** A personal token with these scopes, minted by a signed-in person through the API. */
export async function mintToken(client: Client, scopes: string[]): Promise<string> {
  const response = await client.post(`${API}/tokens`, { name: `assistant ${scopes.join('+')}`, scopes });
  expectStatus(response, 201);
  return response.body.token as string;
}

/** The SDK's own client over streamable HTTP, as an assistant would connect. */
export async function connectAssistant(url: string, token: string): Promise<McpClient> {
  const client = new McpClient({ name: 'cairn-test-assistant', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

export async function callTool(client: McpClient, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { ...result, text: result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n') };
}

export const expectSuccess = (result: CallToolResult & { text: string }) => expect(result.isError ?? false, result.text).toBe(false);

/**
 * Like useOkrWorld (a clocked server per engine, a fresh organisation with Q1 2025 before each test), with
 * the server's log lines kept so a test can find the 403 a refused tool call leaves.
 */
export function useMcpWorld(engine: () => { handle: DatabaseHandle; reset(): Promise<void> }, day: string) {
  const logLines: string[] = [];
  const holder = { clock: new TestClock(day), server: undefined as unknown as TestServer, w: undefined as unknown as OkrWorld, logLines };
  beforeAll(async () => {
    holder.server = await startTestServer(engine().handle, {
      clock: holder.clock.now,
      logger: { level: 'warn', stream: { write: (line: string) => void logLines.push(line) } },
    });
  });
  afterAll(() => holder.server?.close());
  beforeEach(async () => {
    await engine().reset();
    logLines.length = 0;
    holder.clock.setDay(day);
    holder.w = await setUpOkrWorld(holder.server.url);
  });
  return holder;
}
