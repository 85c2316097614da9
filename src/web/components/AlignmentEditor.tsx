import { ActionIcon, Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { progressKeys } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import { lazyNamed } from '../routing/lazy-named.js';

const AlignmentPicker = lazyNamed(() => import('./AlignmentPicker.js'), 'AlignmentPicker');

/** Align an objective to any objective or key result of its cycle, or remove a link; loops are refused by the server. */
export function AlignmentEditor({ objective }: { objective: Objective }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const run = async (request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
      await refresh();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  };
  const add = async (body: { parentKeyResultId: string } | { parentObjectiveId: string }) => {
    if (await run(() => api(`/api/v1/objectives/${objective.id}/alignments`, { method: 'POST', body }))) setAdding(false);
  };
  // When the picker closes (added or cancelled), the focus goes back to the button that opened it.
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && !adding) addButton.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  return (
    <Stack gap="xs">
      {objective.parents.map((p) => {
        const label = p.parentKeyResultId ? `Key result: ${p.title}` : `Objective: ${p.title}`;
        return (
          // No wrap: a long title wraps beside its remove button instead of dropping below it on a phone.
          <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start">
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={`Remove alignment to ${label}`}
              onClick={() => run(() => api(`/api/v1/objectives/${objective.id}/alignments/${p.id}`, { method: 'DELETE' }))}
            >
              ✕
            </ActionIcon>
            <Anchor component={Link} to={`/objectives/${p.objectiveId}`} size="sm" miw={0}>
              {label}
            </Anchor>
          </Group>
        );
      })}
      {adding ? (
        <Suspense fallback={null}>
          <AlignmentPicker objective={objective} onAdd={add} onCancel={() => setAdding(false)} />
        </Suspense>
      ) : (
        <Group>
          <Button ref={addButton} variant="light" onClick={() => setAdding(true)}>
            Add alignment
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
