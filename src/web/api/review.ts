// The review API's shapes (from the server's zod schemas, type-only) and its queries.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { closingNoteBody, reviewBoardView, reviewGapSchema } from '../../server/http/closing/schema.js';
import { api } from './client.js';

export type ReviewBoard = z.infer<typeof reviewBoardView>;
export type ReviewKeyResult = ReviewBoard['keyResults'][number];
export type ReviewObjective = ReviewBoard['objectives'][number];
export type ClosingNoteInput = z.input<typeof closingNoteBody>;
export type ReviewGap = z.infer<typeof reviewGapSchema>;

export interface RolloverCandidate {
  objectiveId: string;
  title: string;
  next: string | null;
  preselected: boolean;
  keyResults: { id: string; title: string; carriable: boolean; preselected: boolean }[];
}

/** Review data refreshes with every OKR write: it belongs with the progress keys' prefixes. */
export const reviewKeys = { board: (cycleId: string, mine: boolean) => ['cycles', cycleId, 'review', mine] as const };

export const useReviewBoard = (cycleId: string | null, mine: boolean) =>
  useQuery({
    queryKey: reviewKeys.board(cycleId ?? '', mine),
    queryFn: () => api<ReviewBoard>(`/api/v1/cycles/${cycleId}/review?mine=${mine}`),
    enabled: Boolean(cycleId),
  });

export const confirmScore = (keyResultId: string) => api(`/api/v1/key-results/${keyResultId}/score-confirmation`, { method: 'POST' });
export const saveClosingNote = (objectiveId: string, body: ClosingNoteInput) =>
  api(`/api/v1/objectives/${objectiveId}/closing-note`, { method: 'PUT', body });
export const rolloverCandidates = (cycleId: string) => api<RolloverCandidate[]>(`/api/v1/cycles/${cycleId}/rollover`);
export const rollOver = (cycleId: string, body: { targetCycleId: string; objectives: { objectiveId: string; keyResultIds: string[] }[] }) =>
  api<{ previousObjectiveId: string; objectiveId: string }[]>(`/api/v1/cycles/${cycleId}/rollover`, { method: 'POST', body });
