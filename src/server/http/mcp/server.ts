import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../context.js';
import { registerCheckIn } from './check-in-tool.js';
import { registerDraftObjective } from './draft-objective-tool.js';
import { registerMyKeyResults } from './my-key-results-tool.js';
import { registerObjectiveDetails } from './objective-details-tool.js';
import { registerSearchLessons } from './search-lessons-tool.js';
import { registerWhatChanged } from './what-changed-tool.js';

const INSTRUCTIONS =
  "Cairn holds your organisation's OKRs. Read with my_key_results, objective_details, what_changed and search_lessons; " +
  'check_in and draft_objective write, when the token allows it. Everything is done as the person who owns the token.';

/** One MCP server for one request (stateless): its tools act as the token's person and log to the request. */
export function cairnMcpServer(ctx: AppContext, actor: Actor, log: FastifyBaseLogger): McpServer {
  const server = new McpServer({ name: 'cairn', version: '1' }, { instructions: INSTRUCTIONS });
  const context = (tool: string) => ({ ctx, actor, log, tool });
  registerMyKeyResults(server, context);
  registerObjectiveDetails(server, context);
  registerWhatChanged(server, context);
  registerSearchLessons(server, context);
  registerCheckIn(server, context);
  registerDraftObjective(server, context);
  return server;
}
