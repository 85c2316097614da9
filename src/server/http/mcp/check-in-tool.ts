import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { createCheckIn } from '../../services/okrs/check-ins.js';
import { requireKeyResult } from '../../services/okrs/key-results.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { presentObjectives } from '../../services/okrs/read-model.js';
import { writingThrough } from '../../services/write-channel.js';
import { checkInBody } from '../okrs/schema.js';
import { iso } from '../schemas.js';
import { keyResultLine, keyResultSummary } from './key-result-summary.js';
import { answer, percentText, requireScope, runTool, type ToolContext } from './tool-kit.js';

/** check_in: a check-in through the same service as the web's dialog, recorded as made through MCP. */
export function registerCheckIn(server: McpServer, context: (tool: string) => ToolContext): void {
  server.registerTool(
    'check_in',
    {
      title: 'Check in',
      description:
        'Check in on a key result: the current value (metric, threshold) or a done flag per milestone, confidence 0–10, a note and blockers. Needs the write:check-ins scope.',
      inputSchema: {
        keyResultId: z.uuid().describe('The key result id (from my_key_results)'),
        ...checkInBody.shape,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async ({ keyResultId, ...fields }) => {
      const tc = context('check_in');
      return runTool(tc, async () => {
        requireScope(tc, 'write:check-ins');
        const { ctx, actor } = tc;
        const row = await writingThrough('mcp', () => createCheckIn(ctx, actor, keyResultId, fields));
        const kr = await requireKeyResult(ctx.db, actor.orgId, keyResultId, 'keyResultId');
        const [objective] = await presentObjectives(ctx.db, actor, [await requireVisibleObjective(ctx.db, actor, kr.objectiveId)], {
          now: ctx.clock(),
        });
        const keyResult = keyResultSummary(
          objective!.keyResults.find((k) => k.id === keyResultId)!,
          objective!,
        );
        const checkIn = {
          id: row.id,
          keyResultId,
          asOf: row.asOf,
          value: row.value,
          milestonesDone: row.milestonesDone,
          confidence: row.confidence,
          note: row.note,
          blockers: row.blockers,
          createdAt: iso(row.createdAt)!,
        };
        const text = [
          `Checked in on ${keyResult.title} for ${checkIn.asOf}.`,
          keyResultLine(keyResult),
          `Objective "${objective!.title}" is now at ${percentText(objective!.progress)}.`,
        ].join('\n');
        return answer(text, {
          checkIn,
          keyResult,
          objective: { id: objective!.id, title: objective!.title, progress: objective!.progress },
        });
      });
    },
  );
}
