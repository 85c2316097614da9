import { z } from 'zod';
import { PROGRESS_STATUSES } from '../../../domain/vocabulary.js';

export const alignmentHealthSchema = z
  .object({
    counted: z.number().int().describe('Published objectives below company level'),
    alignedOrExplained: z.number().int(),
    share: z.number().nullable().describe('alignedOrExplained / counted; null when nothing is counted'),
    healthy: z.boolean().nullable().describe('share ≥ 0.9'),
  })
  .describe('The share of published objectives aligned to something or standing alone with a stated reason');

const statusCounts = z.object({ on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int() });

export const mapNodeSchema = z.object({
  id: z.string(),
  type: z.enum(['objective', 'key_result', 'department', 'pillar']),
  title: z.string(),
  level: z.enum(['company', 'department', 'team', 'individual']).nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  departmentId: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  progress: z.number(),
  expectedProgress: z.number().nullable(),
  progressStatus: z.enum(PROGRESS_STATUSES).nullable(),
  orphan: z
    .boolean()
    .describe('Objective: aligned to nothing, below company level, no standalone reason. Department: holds such objectives.'),
  unsupported: z.boolean().describe('A company key result that no objective aligns to, or a pillar nothing in the cycle serves'),
  servesNoPillar: z.boolean().describe('A company objective that names no strategic pillar'),
  objectiveId: z.string().nullable().describe("A key result's objective"),
  objectiveCount: z.number().int().nullable().describe("An aggregated department's published objectives, or those naming a pillar"),
  statusCounts: statusCounts.nullable(),
  x: z.number().describe("The node's left edge in the map's layered layout (elkjs), in pixels at zoom 1"),
  y: z.number().describe("The node's top edge; parents sit above their children"),
});

export const mapEdgeSchema = z.object({
  id: z.string(),
  source: z.string().describe('The parent (pillar, objective, key result or department)'),
  target: z.string().describe('The aligned child'),
  weight: z.number().int().describe('Alignments the edge stands for (more than 1 only between aggregated departments)'),
});

export const mapQuery = z.object({
  focusTeamId: z.uuid().optional().describe("Focus on a team or department: its objectives, its sub-teams', and their neighbours"),
  depth: z.coerce.number().int().min(0).max(5).default(1).describe('Alignment hops beyond the focused objectives'),
  keyResults: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Show every key result as a node (company key results nothing supports are always shown)'),
  aggregate: z.enum(['true', 'false']).optional().describe('Aggregate by department; by default only above 2,000 published objectives'),
});

export const alignmentMapSchema = z.object({
  cycleId: z.string(),
  focusTeamId: z.string().nullable(),
  aggregated: z.boolean(),
  nodes: z.array(mapNodeSchema),
  edges: z.array(mapEdgeSchema),
  alignmentHealth: alignmentHealthSchema,
});
