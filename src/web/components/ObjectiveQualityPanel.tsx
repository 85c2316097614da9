import { Alert, Button, Card, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api/client.js';
import { progressKeys } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import { useGuidingPrinciples, useObjectiveQuality } from '../api/quality.js';
import { useObjectiveReviews } from '../api/review-requests.js';
import type { Me } from '../api/types.js';
import type { FindingAction } from '../../domain/quality/index.js';
import { QualityFindings } from './QualityFindings.js';

/** The coach's view of a saved objective, and publishing a draft through the same rules. */
export function ObjectiveQualityPanel({ objective, me }: { objective: Objective; me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const quality = useObjectiveQuality(objective.id);
  const principles = useGuidingPrinciples();
  const reviews = useObjectiveReviews(objective.id, objective.status === 'draft');
  // "Approval required" (rollout setting): the button says why it waits rather than failing with a 409.
  const awaitingApproval = reviews.data ? reviews.data.approvalRequired && !reviews.data.approved : false;
  const [error, setError] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  // What the API would allow, as it says on the objective: no role rules are re-derived here.
  const { publish: mayPublish, publishOverride: mayOverride } = objective.can;
  const refresh = () =>
    Promise.all([...progressKeys, ['objectives', objective.id, 'quality']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const publish = async () => {
    setError(null);
    try {
      await api(`/api/v1/objectives/${objective.id}`, {
        method: 'PATCH',
        body: { status: 'active', ...(overrideReason ? { publishOverrideReason: overrideReason } : {}) },
      });
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const titleOf = (keyResultId: string) => objective.keyResults.find((kr) => kr.id === keyResultId)?.title ?? 'another key result';
  const actionLabel = (action: FindingAction) =>
    action.kind === 'move_to_initiative'
      ? `Move “${action.title}” to an initiative under “${titleOf(action.under[0]!)}”`
      : `Draft “${action.title}”`;
  const act = async (action: FindingAction) => {
    setError(null);
    try {
      // An output key result: the work becomes an initiative under a key result that measures the change it should make.
      if (action.kind === 'move_to_initiative') {
        await api(`/api/v1/key-results/${action.keyResultId}/move-to-initiative`, {
          method: 'POST',
          body: { underKeyResultId: action.under[0] },
        });
        await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['initiatives'] })]);
        return;
      }
      // "Not yet measurable" offers a way out: make establishing the measure an objective of its own.
      const created = await api<Objective>('/api/v1/objectives', {
        method: 'POST',
        body: { cycleId: objective.cycleId, title: action.title, teamId: objective.teamId, ownerId: me.user.id, status: 'draft' },
      });
      await refresh();
      navigate(`/objectives/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  // Its place is held while the coach answers, so the key results below do not move when it does.
  if (quality.isPending)
    return (
      <Card withBorder aria-hidden>
        <Skeleton h={72} />
      </Card>
    );
  if (!quality.data) return null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <QualityFindings
          findings={quality.data.findings}
          rules={principles.data?.rules ?? []}
          score={quality.data.score}
          onAction={(action) => void act(action)}
          actionLabel={actionLabel}
        />
        {objective.status === 'draft' && mayPublish && (
          <Group align="flex-end">
            {quality.data.blocking && mayOverride && (
              <TextInput
                label="Publish anyway because…"
                placeholder="Reason, recorded in the history"
                w={320}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.currentTarget.value)}
              />
            )}
            <Button
              onClick={publish}
              disabled={awaitingApproval || (quality.data.blocking && !(mayOverride && overrideReason.trim()))}
              aria-describedby={awaitingApproval ? 'publish-awaits-approval' : undefined}
            >
              Publish objective
            </Button>
          </Group>
        )}
        {objective.status === 'draft' && mayPublish && awaitingApproval && (
          <Text size="sm" id="publish-awaits-approval">
            Publishing needs a reviewer’s approval first: request a review below.
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
