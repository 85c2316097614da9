import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { draftObjective } from '../../services/okrs/draft-objective.js';
import { coachObjective } from '../../services/quality/coach-objective.js';
import { writingThrough } from '../../services/write-channel.js';
import { keyResultCreate, objectiveCreate } from '../okrs/schema.js';
import { answer, requireScope, runTool, type ToolContext } from './tool-kit.js';

const draftKeyResult = keyResultCreate.pick({
  title: true,
  kind: true,
  unit: true,
  startValue: true,
  targetValue: true,
  targetMin: true,
  targetMax: true,
  milestones: true,
  weight: true,
});

/** draft_objective: a draft objective with key results, then the quality coach's findings on it. */
export function registerDraftObjective(server: McpServer, context: (tool: string) => ToolContext): void {
  server.registerTool(
    'draft_objective',
    {
      title: 'Draft an objective',
      description:
        'Create a draft objective (yours, unpublished) with its key results, and run the quality coach on it: its findings say what to improve before publishing. Needs the write:okrs scope.',
      inputSchema: {
        ...objectiveCreate.pick({ cycleId: true, title: true, description: true, whyImportant: true, teamId: true, type: true }).shape,
        keyResults: z.array(draftKeyResult).max(10).default([]).describe('metric: startValue and targetValue; milestone: milestones'),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async ({ keyResults, ...fields }) => {
      const tc = context('draft_objective');
      return runTool(tc, async () => {
        requireScope(tc, 'write:okrs');
        const { ctx, actor } = tc;
        const objective = await writingThrough('mcp', () => draftObjective(ctx, actor, fields, keyResults));
        const report = await coachObjective(ctx.db, actor, objective, ctx.clock());
        const link = `${ctx.config.publicUrl}/objectives/${objective.id}`;
        const text = [
          `Drafted "${objective.title}" with ${keyResults.length} key result(s): ${link}`,
          `Quality score ${report.score}/100${report.blocking ? ', with findings that block publishing' : ''}.`,
          ...(report.findings.length
            ? report.findings.map((f) => `- [${f.severity}] ${f.message}${f.suggestion ? ` Try: ${f.suggestion}` : ''}`)
            : ['No findings.']),
        ].join('\n');
        return answer(text, {
          objective: { id: objective.id, title: objective.title, status: objective.status, cycleId: objective.cycleId, link },
          quality: { score: report.score, blocking: report.blocking, findings: report.findings },
        });
      });
    },
  );
}
