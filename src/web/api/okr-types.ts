// OKR shapes as the API presents them (src/server/http/okrs/schema.ts).
export type ProgressStatus = 'on_track' | 'at_risk' | 'off_track';
export type KeyResultKind = 'metric' | 'threshold' | 'milestone' | 'rollup';

export interface Cycle {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: 'planning' | 'active' | 'closed';
  closedAt: string | null;
}

export interface CycleSummary {
  objectives: number;
  keyResults: number;
  averageProgress: number;
  expectedProgress: number;
  byStatus: Record<ProgressStatus, number>;
  staleKeyResults: number;
}

export interface Milestone {
  title: string;
  weight: number;
  done: boolean;
}

export interface DataReadiness {
  dataSource?: string;
  baselineKnown?: boolean;
  measuredBy?: string;
  frequency?: string;
  reliability?: 'reliable' | 'proxy' | 'not_yet_measurable';
  proxyReplaceBy?: string | null;
}

export interface KeyResult {
  id: string;
  objectiveId: string;
  title: string;
  ownerId: string | null;
  weight: number;
  kind: KeyResultKind;
  unit: string | null;
  startValue: number | null;
  targetValue: number | null;
  targetMin: number | null;
  targetMax: number | null;
  currentValue: number | null;
  milestones: Milestone[] | null;
  progress: number;
  achievement: number;
  expectedProgress: number;
  status: ProgressStatus;
  stale: boolean;
  confidence: number | null;
  lastCheckInDate: string | null;
  score: number | null;
  dataReadiness: DataReadiness | null;
}

export interface Objective {
  id: string;
  cycleId: string;
  title: string;
  description: string | null;
  whyImportant: string | null;
  whyUrgent: string | null;
  ownerId: string | null;
  teamId: string | null;
  parents: { id: string; parentObjectiveId: string | null; parentKeyResultId: string | null }[];
  type: 'committed' | 'aspirational';
  weight: number;
  progressDriver: 'key_results' | 'aligned' | 'both';
  status: 'draft' | 'active' | 'closed' | 'archived';
  progress: number;
  expectedProgress: number;
  progressStatus: ProgressStatus;
  stale: boolean;
  confidence: number | null;
  score: number | null;
  asOf: string;
  keyResults: KeyResult[];
}

export interface TreeNode extends Objective {
  children: TreeNode[];
}

export interface CheckIn {
  id: string;
  keyResultId: string;
  authorId: string | null;
  authorName: string | null;
  asOf: string;
  value: number | null;
  milestonesDone: boolean[] | null;
  confidence: number | null;
  note: string | null;
  blockers: string | null;
  createdAt: string;
}
