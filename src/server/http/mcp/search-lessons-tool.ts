import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { searchLessons } from '../../services/lessons/search-lessons.js';
import { iso } from '../schemas.js';
import { answer, requireScope, runTool, type ToolContext } from './tool-kit.js';

/** search_lessons: the lessons library's full-text search (ranked, English stemming). */
export function registerSearchLessons(server: McpServer, context: (tool: string) => ToolContext): void {
  server.registerTool(
    'search_lessons',
    {
      title: 'Search lessons',
      description: 'Search the lessons learned in earlier cycles (retrospectives and closing notes), best match first.',
      inputSchema: {
        query: z.string().trim().min(1).max(500).describe('Words to look for'),
        match: z.enum(['all', 'any']).optional().describe('all (default): every word must match; any: lessons sharing any word'),
        limit: z.number().int().min(1).max(50).optional().describe('At most this many (default 10)'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, match, limit }) => {
      const tc = context('search_lessons');
      return runTool(tc, async () => {
        requireScope(tc, 'read');
        const found = await searchLessons(tc.ctx.db, tc.actor, { q: query, match, limit: limit ?? 10 });
        const lessons = found.map(({ highlight: _highlight, createdAt, ...lesson }) => ({ ...lesson, createdAt: iso(createdAt)! }));
        const text = lessons.length
          ? lessons.map((l) => `- ${l.text} (${[l.cycleName, l.teamName, l.objectiveTitle].filter(Boolean).join(', ')})`).join('\n')
          : `No lessons match "${query}".`;
        return answer(text, { lessons });
      });
    },
  );
}
