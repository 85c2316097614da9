import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  objectiveReviewsView,
  reviewDecision,
  reviewRequestCreate,
  reviewsAskedView,
} from '../../server/http/review-requests/schema.js';
import { api } from './client.js';

export type ObjectiveReviews = z.infer<typeof objectiveReviewsView>;
export type ReviewRequest = ObjectiveReviews['requests'][number];
export type ReviewsAsked = z.infer<typeof reviewsAskedView>;

// Under ['objectives', id]: an objective's live event refreshes its reviews too.
export const objectiveReviewsKey = (objectiveId: string) => ['objectives', objectiveId, 'review-requests'] as const;
export const reviewsAskedKey = ['review-requests', 'to-review'] as const;

export const useObjectiveReviews = (objectiveId: string, enabled = true) =>
  useQuery({
    queryKey: objectiveReviewsKey(objectiveId),
    queryFn: () => api<ObjectiveReviews>(`/api/v1/objectives/${objectiveId}/review-requests`),
    enabled,
  });

export const useReviewsAsked = () =>
  useQuery({ queryKey: reviewsAskedKey, queryFn: () => api<ReviewsAsked>('/api/v1/review-requests?mine=to-review') });

export const requestReview = (objectiveId: string, body: z.input<typeof reviewRequestCreate>) =>
  api<ReviewRequest>(`/api/v1/objectives/${objectiveId}/review-requests`, { method: 'POST', body });

export const decideReview = (requestId: string, body: z.input<typeof reviewDecision>) =>
  api<ReviewRequest>(`/api/v1/review-requests/${requestId}/decision`, { method: 'POST', body });

export const withdrawReview = (requestId: string) =>
  api<ReviewRequest>(`/api/v1/review-requests/${requestId}/withdraw`, { method: 'POST' });
