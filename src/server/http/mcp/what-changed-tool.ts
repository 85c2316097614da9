import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { weekOfChanges } from '../../services/review-rhythm/week-of-changes.js';
import { answer, requireScope, runTool, type ToolContext } from './tool-kit.js';

/** what_changed: the last seven days of a cycle as the review's changes report ranks them, most pressing first. */
export function registerWhatChanged(server: McpServer, context: (tool: string) => ToolContext): void {
  server.registerTool(
    'what_changed',
    {
      title: 'What changed this week',
      description:
        'What changed in the last seven days: status changes, movers, confidence drops, blockers, stale key results, alignment changes; most pressing first. Defaults to the cycle running today.',
      inputSchema: {
        cycleId: z.uuid().optional().describe('A cycle id; the cycle running today when left out'),
        teamId: z.uuid().optional().describe("Only this team's objectives"),
      },
      annotations: { readOnlyHint: true },
    },
    async (input) => {
      const tc = context('what_changed');
      return runTool(tc, async () => {
        requireScope(tc, 'read');
        const report = await weekOfChanges(tc.ctx.db, tc.actor, tc.ctx.clock(), input);
        const items = report.items.map((item) => ({ ...item, link: `${tc.ctx.config.publicUrl}/objectives/${item.objectiveId}` }));
        const text = items.length
          ? [`From ${report.from} to ${report.to}:`, ...items.map((i) => `- ${i.summary} (${i.objectiveTitle})`)].join('\n')
          : `Nothing changed from ${report.from} to ${report.to}.`;
        return answer(text, { ...report, items });
      });
    },
  );
}
