import type { ProgressStatus } from '../../../domain/index.js';
import { isOrphan } from '../../../domain/across/alignment-health.js';
import type { ObjectiveFacts, PaceContext, Teams } from './cycle-facts.js';

export type ObjectiveLevel = 'company' | 'department' | 'team' | 'individual';

/** One node of a map: an objective, a key result, or (aggregated) a whole department. */
export interface MapNode {
  id: string;
  type: 'objective' | 'key_result' | 'department' | 'pillar';
  title: string;
  level: ObjectiveLevel | null;
  teamId: string | null;
  teamName: string | null;
  departmentId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  progress: number;
  expectedProgress: number | null;
  progressStatus: ProgressStatus | null;
  /** An objective aligned to nothing, below company level, without a standalone reason. */
  orphan: boolean;
  /** A company key result that no objective aligns to, or a pillar nothing serves. */
  unsupported: boolean;
  /** A company objective that names no strategic pillar. */
  servesNoPillar: boolean;
  /** For a key result: its objective. */
  objectiveId: string | null;
  /** For a department: how many published objectives it holds, and how many are on track, at risk, off track. */
  objectiveCount: number | null;
  statusCounts: Record<ProgressStatus, number> | null;
}

/** From the parent (above) to the child (below); `weight` counts alignments when departments are aggregated. */
export interface MapEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
}

export interface NodeFacts {
  teams: Teams;
  pace: PaceContext;
  names: Map<string, string>;
  /** "teamId:userId" of plain members (not leads). */
  members: Set<string>;
  aligned: Set<string>;
}

export function levelOf(o: ObjectiveFacts, facts: Pick<NodeFacts, 'teams' | 'members'>): ObjectiveLevel {
  if (!o.teamId) return 'company';
  // As the quality coach decides: owned by a member who does not lead the team.
  if (o.ownerId && facts.members.has(`${o.teamId}:${o.ownerId}`)) return 'individual';
  return facts.teams.byId.get(o.teamId)?.kind === 'department' ? 'department' : 'team';
}

export function objectiveNode(o: ObjectiveFacts, facts: NodeFacts): MapNode {
  const team = o.teamId ? facts.teams.byId.get(o.teamId) : undefined;
  return {
    id: o.id,
    type: 'objective',
    title: o.title,
    level: levelOf(o, facts),
    teamId: o.teamId,
    teamName: team?.name ?? null,
    departmentId: o.teamId ? (facts.teams.departmentOf.get(o.teamId) ?? null) : null,
    ownerId: o.ownerId,
    ownerName: o.ownerId ? (facts.names.get(o.ownerId) ?? null) : null,
    progress: o.progress,
    ...facts.pace.pace(o),
    orphan: isOrphan({ teamId: o.teamId, published: true, aligned: facts.aligned.has(o.id), standaloneReason: o.standaloneReason }),
    unsupported: false,
    servesNoPillar: o.teamId === null && o.pillarId === null,
    objectiveId: null,
    objectiveCount: null,
    statusCounts: null,
  };
}

export const edge = (source: string, target: string, weight = 1): MapEdge => ({ id: `${source}->${target}`, source, target, weight });
