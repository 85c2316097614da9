// The API's OKR shapes, derived from the server's zod response schemas (type-only: nothing of the
// server is bundled), so the browser cannot drift from what the API sends.
import type { z } from 'zod';
import type { checkInView, cycleSchema, keyResultView, objectiveView, summarySchema } from '../../server/http/okrs/schema.js';
import type { dataReadinessSchema } from '../../server/http/quality/schema.js';

export type Cycle = z.infer<typeof cycleSchema>;
export type CycleSummary = z.infer<typeof summarySchema>;
export type KeyResult = z.infer<typeof keyResultView>;
export type KeyResultKind = KeyResult['kind'];
export type ProgressStatus = NonNullable<KeyResult['status']>;
export type Milestone = NonNullable<KeyResult['milestones']>[number];
export type DataReadiness = z.infer<typeof dataReadinessSchema>;
export type Objective = z.infer<typeof objectiveView>;
export type CheckIn = z.infer<typeof checkInView>;

export interface TreeNode extends Objective {
  /** Aligned children, also when `children` stops at the fetched depth. */
  childCount: number;
  children: TreeNode[];
}
