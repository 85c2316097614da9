import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { listCheckIns } from '../../services/okrs/check-ins.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { presentObjectives } from '../../services/okrs/read-model.js';
import { iso } from '../schemas.js';
import { keyResultLine, keyResultSummary } from './key-result-summary.js';
import { answer, percentText, requireScope, runTool, type ToolContext } from './tool-kit.js';

const RECENT_CHECK_INS = 10;

/** objective_details: one objective the caller may see, its key results and its latest check-ins. */
export function registerObjectiveDetails(server: McpServer, context: (tool: string) => ToolContext): void {
  server.registerTool(
    'objective_details',
    {
      title: 'Objective details',
      description: 'One objective by id: its progress and status, its key results, and its most recent check-ins.',
      inputSchema: { objectiveId: z.uuid().describe('The objective id (as my_key_results or what_changed give it)') },
      annotations: { readOnlyHint: true },
    },
    async ({ objectiveId }) => {
      const tc = context('objective_details');
      return runTool(tc, async () => {
        requireScope(tc, 'read');
        const { ctx, actor } = tc;
        // A hidden objective is "not found", exactly as through the API.
        const row = await requireVisibleObjective(ctx.db, actor, objectiveId, 'objectiveId');
        const [view] = await presentObjectives(ctx.db, actor, [row], { now: ctx.clock() });
        const keyResults = view!.keyResults.map((kr) => keyResultSummary(kr, view!));
        const titleOf = new Map(keyResults.map((kr) => [kr.id, kr.title]));
        const checkIns = (await Promise.all(keyResults.map((kr) => listCheckIns(ctx.db, actor.orgId, kr.id))))
          .flat()
          .sort((a, b) => b.checkIn.createdAt.getTime() - a.checkIn.createdAt.getTime())
          .slice(0, RECENT_CHECK_INS)
          .map(({ checkIn, authorName }) => ({
            id: checkIn.id,
            keyResultId: checkIn.keyResultId,
            keyResultTitle: titleOf.get(checkIn.keyResultId) ?? '',
            asOf: checkIn.asOf,
            value: checkIn.value,
            confidence: checkIn.confidence,
            note: checkIn.note,
            blockers: checkIn.blockers,
            authorName,
            createdAt: iso(checkIn.createdAt)!,
          }));
        const objective = {
          id: view!.id,
          title: view!.title,
          description: view!.description,
          status: view!.status,
          progress: view!.progress,
          expectedProgress: view!.expectedProgress,
          progressStatus: view!.progressStatus,
          confidence: view!.confidence,
          ownerId: view!.ownerId,
          teamId: view!.teamId,
          cycleId: view!.cycleId,
          link: `${ctx.config.publicUrl}/objectives/${view!.id}`,
        };
        const text = [
          `${objective.title} — ${objective.status}, ${percentText(objective.progress)} (expected ${percentText(objective.expectedProgress)})`,
          'Key results:',
          ...(keyResults.length ? keyResults.map(keyResultLine) : ['- none yet']),
          'Recent check-ins:',
          ...(checkIns.length
            ? checkIns.map(
                (c) =>
                  `- ${c.asOf} ${c.keyResultTitle}: ${c.value ?? '—'}${c.note ? ` — ${c.note}` : ''}${c.blockers ? ` (blocker: ${c.blockers})` : ''}`,
              )
            : ['- none yet']),
        ].join('\n');
        return answer(text, { objective, keyResults, checkIns });
      });
    },
  );
}
