import { ActionIcon, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api, ApiError } from '../../api/client.js';
import { invitationLinkOf } from '../../api/invitations.js';
import { keys, useApiMutation } from '../../api/queries.js';
import type { Invitation } from '../../api/types.js';

const showError = (error: unknown) =>
  notifications.show({ color: 'red', title: 'Not done', message: error instanceof ApiError ? error.message : String(error) });

async function copyLink(inv: Invitation) {
  try {
    const { link } = await invitationLinkOf(inv.id);
    await navigator.clipboard.writeText(link);
    notifications.show({ color: 'teal', title: 'Link copied', message: `Send it to ${inv.email}.` });
  } catch (error) {
    showError(error);
  }
}

/** Pending invitations: copy the link again (e-mail may not be configured) or revoke. */
export function PendingInvitations({ invitations, teamName }: { invitations: Invitation[]; teamName: Map<string, string> }) {
  const revoke = useApiMutation((id: string) => api(`/api/v1/invitations/${id}`, { method: 'DELETE' }), [keys.invitations]);
  if (invitations.length === 0) return null;
  return (
    <Stack gap={4} mt="md" data-testid="pending-invitations">
      <Text fw={600} size="sm">
        Pending invitations ({invitations.length})
      </Text>
      {invitations.map((inv) => (
        <Group key={inv.id} gap="xs">
          <Text size="sm">{inv.name ? `${inv.name} · ${inv.email}` : inv.email}</Text>
          <Badge variant="light" size="sm">
            {inv.role}
          </Badge>
          {inv.teamId && (
            <Badge variant="outline" size="sm">
              {teamName.get(inv.teamId)}
              {inv.teamRole === 'lead' ? ' · lead' : ''}
            </Badge>
          )}
          <Button size="compact-xs" variant="subtle" onClick={() => void copyLink(inv)} aria-label={`Copy link for ${inv.email}`}>
            Copy link
          </Button>
          <Tooltip label="Revoke invitation">
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={`Revoke invitation for ${inv.email}`}
              onClick={() => revoke.mutate(inv.id, { onError: showError })}
            >
              ✕
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
    </Stack>
  );
}
