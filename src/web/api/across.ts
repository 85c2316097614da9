import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { ProgressStatus } from './okr-types.js';

export interface AlignmentHealth {
  counted: number;
  alignedOrExplained: number;
  share: number | null;
  healthy: boolean | null;
}

export interface MapNode {
  id: string;
  type: 'objective' | 'key_result' | 'department' | 'pillar';
  title: string;
  level: 'company' | 'department' | 'team' | 'individual' | null;
  teamId: string | null;
  teamName: string | null;
  departmentId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  progress: number;
  expectedProgress: number | null;
  progressStatus: ProgressStatus | null;
  orphan: boolean;
  unsupported: boolean;
  servesNoPillar: boolean;
  objectiveId: string | null;
  objectiveCount: number | null;
  statusCounts: Record<ProgressStatus, number> | null;
  /** Position in the layered layout the server computed (top-left corner, pixels at zoom 1). */
  x: number;
  y: number;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
}

export interface AlignmentMap {
  cycleId: string;
  focusTeamId: string | null;
  aggregated: boolean;
  nodes: MapNode[];
  edges: MapEdge[];
  alignmentHealth: AlignmentHealth;
}

export interface MapRequest {
  focusTeamId: string | null;
  keyResults: boolean;
}

export const useAlignmentMap = (cycleId: string | null, request: MapRequest) =>
  useQuery({
    queryKey: ['map', cycleId, request],
    enabled: Boolean(cycleId),
    queryFn: () => {
      const qs = new URLSearchParams({ keyResults: String(request.keyResults) });
      if (request.focusTeamId) qs.set('focusTeamId', request.focusTeamId);
      return api<AlignmentMap>(`/api/v1/cycles/${cycleId}/map?${qs.toString()}`);
    },
  });
