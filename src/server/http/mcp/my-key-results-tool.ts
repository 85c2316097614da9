import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { findObjectives } from '../../services/okrs/find-objectives.js';
import { presentObjectives } from '../../services/okrs/read-model.js';
import { keyResultLine, keyResultSummary } from './key-result-summary.js';
import { answer, requireScope, runTool, type ToolContext } from './tool-kit.js';

/** my_key_results: the key results the caller owns (or holds through an objective of theirs) in open cycles. */
export function registerMyKeyResults(server: McpServer, context: (tool: string) => ToolContext): void {
  server.registerTool(
    'my_key_results',
    {
      title: 'My key results',
      description:
        'The key results you own in open cycles: progress, status against the expected pace, confidence, and whether a check-in is due.',
      annotations: { readOnlyHint: true },
    },
    async () => {
      const tc = context('my_key_results');
      return runTool(tc, async () => {
        requireScope(tc, 'read');
        const { ctx, actor } = tc;
        const rows = await findObjectives(ctx.db, actor, { involves: actor.userId });
        const objectives = await presentObjectives(ctx.db, actor, rows, { now: ctx.clock() });
        const keyResults = objectives
          .filter((o) => !o.cycleClosed)
          .flatMap((o) =>
            o.keyResults
              .filter((kr) => kr.ownerId === actor.userId || (kr.ownerId === null && o.ownerId === actor.userId))
              .map((kr) => keyResultSummary(kr, o)),
          );
        const due = keyResults.filter((kr) => kr.checkInDue).length;
        const text = keyResults.length
          ? [`${keyResults.length} key result(s), ${due} with a check-in due:`, ...keyResults.map(keyResultLine)].join('\n')
          : 'You own no key results in an open cycle.';
        return answer(text, { keyResults });
      });
    },
  );
}
