import { Button, Group, Stack, Text } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useCheckIns } from '../api/okr-queries.js';
import type { CheckIn, KeyResult } from '../api/okr-types.js';
import { lazyNamed } from '../routing/lazy-named.js';
import { CheckInSocial } from './social/CheckInSocial.js';
import { CommentBody } from './social/CommentBody.js';
import { CheckInDeleteButton } from './okr/CheckInDeleteButton.js';

// The same lazy chunk the key result card opens, so the dialog's code stays one chunk loaded on a click.
const CheckInDialog = lazyNamed(() => import('./CheckInDialog.js'), 'CheckInDialog');

const describe = (kr: KeyResult, c: CheckIn) =>
  kr.kind === 'milestone'
    ? `${(c.milestonesDone ?? []).filter(Boolean).length} of ${kr.milestones?.length ?? 0} milestones`
    : c.value !== null
      ? `${c.value}${kr.unit && kr.unit !== 'number' ? ` ${kr.unit}` : ''}`
      : '—';

/** Every check-in on a key result, newest first; Correct shows where the API says the caller may (authors, admins). */
export function CheckInHistory({ kr }: { kr: KeyResult }) {
  const history = useCheckIns(kr.id);
  const [editing, setEditing] = useState<CheckIn | null>(null);
  if (history.isPending)
    return (
      <Text size="sm" c="dimmed">
        Loading history…
      </Text>
    );
  if ((history.data ?? []).length === 0)
    return (
      <Text size="sm" c="dimmed">
        No check-ins yet.
      </Text>
    );
  return (
    <Stack gap={6} data-testid={`history-${kr.id}`}>
      {history.data!.map((c) => (
        <Group
          key={c.id}
          justify="space-between"
          wrap="nowrap"
          align="flex-start"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          pt={6}
        >
          <div>
            <Text size="sm">
              <strong>{describe(kr, c)}</strong> · {c.asOf} · {c.authorName ?? 'someone'}
              {c.confidence !== null ? ` · confidence ${c.confidence}/10` : ''}
            </Text>
            {c.note && <Text size="sm">{c.note}</Text>}
            {c.blockers && (
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Text size="sm" c="red.9" fw={600}>
                  Blocker:
                </Text>
                <CommentBody body={c.blockers} />
              </Group>
            )}
            <CheckInSocial checkInId={c.id} asOf={c.asOf} />
          </div>
          <Group gap={2} wrap="nowrap">
            {c.can.edit && (
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)} aria-label={`Correct check-in of ${c.asOf}`}>
                Correct
              </Button>
            )}
            {c.can.delete && <CheckInDeleteButton checkIn={c} />}
          </Group>
        </Group>
      ))}
      {editing && (
        <Suspense fallback={null}>
          <CheckInDialog kr={kr} opened editing={editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </Stack>
  );
}
