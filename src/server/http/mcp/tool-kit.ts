import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyBaseLogger } from 'fastify';
import { scopeGrants, type TokenScope } from '../../../domain/identity/token-scopes.js';
import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import type { AppContext } from '../context.js';

/** What every tool of one MCP request works from: the app, the token's person, the request's log. */
export interface ToolContext {
  ctx: AppContext;
  actor: Actor;
  log: FastifyBaseLogger;
  tool: string;
}

/**
 * The token must hold `scope` for this tool. Refused, the call becomes an MCP tool error naming the scope
 * and the log gets the 403 an API route would have answered.
 */
export function requireScope(tc: ToolContext, scope: TokenScope): void {
  if (tc.actor.token && scopeGrants(tc.actor.token.scopes, scope)) return;
  tc.log.warn(
    { statusCode: 403, mcpTool: tc.tool, requiredScope: scope, tokenId: tc.actor.token?.id },
    `MCP 403: ${tc.tool} needs "${scope}"`,
  );
  const message = `This token lacks the scope "${scope}" that ${tc.tool} needs.`;
  throw new AppError('forbidden', message, [{ field: 'scope', message }], undefined, { requiredScope: scope });
}

/** A tool's answer: readable text for the assistant, and the same facts as structured content. */
export const answer = (text: string, structured: Record<string, unknown>): CallToolResult => ({
  content: [{ type: 'text', text }],
  structuredContent: structured,
});

/** A refusal the caller can act on (a rule, a missing id, a scope): its message and the field at fault. */
function refusal(error: AppError): CallToolResult {
  const fields = error.errors.map((e) => `${e.field}: ${e.message}`);
  const text = [error.message, ...fields.filter((f) => !f.endsWith(error.message))].join('\n');
  return {
    isError: true,
    content: [{ type: 'text', text }],
    structuredContent: { error: error.code, detail: error.message, errors: error.errors },
  };
}

/** Runs one tool: AppErrors become tool errors; anything else is logged and hidden, as the API's 500 is. */
export async function runTool(tc: ToolContext, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    tc.log.error({ err: error, mcpTool: tc.tool }, 'MCP tool failed');
    return { isError: true, content: [{ type: 'text', text: 'Something went wrong on our side. It has been logged.' }] };
  }
}

export const percentText = (fraction: number) => `${Math.round(fraction * 100)}%`;
