import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef } from 'react';
import type { Objective } from '../../api/okr-types.js';
import { useObjectiveReviews, type ReviewRequest } from '../../api/review-requests.js';
import { ReviewDecisionForm } from './ReviewDecisionForm.js';
import { WithdrawReviewButton } from './WithdrawReviewButton.js';
import { OnceOpened } from '../on-demand/OnceOpened.js';
import { lazyNamed } from '../../routing/lazy-named.js';
import { day } from '../social/when.js';

// Its reviewer picker (Select, Combobox, floating-ui) and the Modal are fetched when the dialog first opens.
const RequestReviewModal = lazyNamed(() => import('./RequestReviewModal.js'), 'RequestReviewModal');

const STATUS: Record<ReviewRequest['status'], { label: string; color: string }> = {
  open: { label: 'Waiting', color: 'blue' },
  approved: { label: 'Approved', color: 'teal' },
  changes_requested: { label: 'Changes requested', color: 'orange' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};

/**
 * Reviews of a draft: ask a champion or a team lead, see each request's status, withdraw one you asked for, and (as
 * the named reviewer) answer it.
 * Shown while the objective is a draft (a published objective's reviews stay in its History, so its page makes no
 * request for them); the API's `can` decides every control.
 */
export function ReviewRequestsPanel({ objective }: { objective: Objective }) {
  const draft = objective.status === 'draft';
  const reviews = useObjectiveReviews(objective.id, draft);
  const [asking, ask] = useDisclosure();
  const heading = useRef<HTMLHeadingElement>(null);
  const data = reviews.data;
  if (!data || !draft) return null;
  const mayAsk = objective.can.requestReview && data.reviewers.length > 0;
  if (!mayAsk && data.requests.length === 0 && !data.approvalRequired) return null;
  return (
    <Card withBorder component="section" aria-labelledby="review-requests-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="review-requests-title" ref={heading} tabIndex={-1}>
            Reviews
          </Title>
          {mayAsk && (
            <Button size="xs" variant="light" onClick={ask.open}>
              Request review
            </Button>
          )}
        </Group>
        {data.approvalRequired && !data.approved && (
          <Alert color="yellow" title="Approval required">
            This organisation publishes team objectives once a reviewer has approved them. Request a review from an OKR champion or a lead
            of the team.
          </Alert>
        )}
        {data.requests.length === 0 && <Text c="dimmed">No review asked yet.</Text>}
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Review requests">
          {data.requests.map((r) => (
            <li key={r.id}>
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {r.reviewerName}
                  </Text>
                  <Badge color={STATUS[r.status].color} variant="light">
                    {STATUS[r.status].label}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    asked by {r.requestedByName} on {day(r.createdAt)}
                  </Text>
                </Group>
                {r.note && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    “{r.note}”
                  </Text>
                )}
                {r.can.withdraw && (
                  <WithdrawReviewButton requestId={r.id} reviewerName={r.reviewerName} onWithdrawn={() => heading.current?.focus()} />
                )}
                {r.can.decide && (
                  <ReviewDecisionForm requestId={r.id} requesterName={r.requestedByName} onDecided={() => heading.current?.focus()} />
                )}
              </Stack>
            </li>
          ))}
        </Stack>
      </Stack>
      <OnceOpened opened={asking}>
        <RequestReviewModal objectiveId={objective.id} reviewers={data.reviewers} opened={asking} onClose={ask.close} />
      </OnceOpened>
    </Card>
  );
}
