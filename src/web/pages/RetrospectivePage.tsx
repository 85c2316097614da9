import { Alert, Anchor, Badge, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { inviteToRetrospective, useRetrospective, useRetrospectiveChange } from '../api/learning.js';
import { useUsers } from '../api/queries.js';
import { RetroActions } from '../components/learning/RetroActions.js';
import { useSharedDoc } from '../components/learning/use-shared-doc.js';
import type { RetrospectiveText } from '../../domain/retrospective-fields.js';

const FIELDS: { name: RetrospectiveText; label: string; description?: string }[] = [
  { name: 'wentWell', label: 'What went well' },
  { name: 'wentBadly', label: 'What went badly' },
  { name: 'rootCauses', label: 'Root causes' },
  { name: 'lessons', label: 'Lessons', description: 'One per line; #words become tags. They go to the lessons library.' },
];

/** A team's retrospective, written together: everyone's typing shows up for the others as they go. */
export function RetrospectivePage() {
  const { id = '' } = useParams();
  const retro = useRetrospective(id);
  const shared = useSharedDoc(id);
  const users = useUsers();
  const [invitee, setInvitee] = useState<string | null>(null);
  const invite = useRetrospectiveChange(id, (userId: string) => inviteToRetrospective(id, userId));
  if (retro.isError) return <Alert color="red">Could not load the retrospective.</Alert>;
  if (!retro.data || !shared.texts) return <Text c="dimmed">Loading…</Text>;
  const r = retro.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Retrospective: {r.teamName}
          {r.objectiveTitle ? ` · ${r.objectiveTitle}` : ''}
        </Title>
        <Anchor component={Link} to={`/cycles/${r.cycleId}/retrospectives`}>
          All retrospectives of the cycle
        </Anchor>
      </div>
      {shared.error && (
        <Alert color="red" role="alert">
          Not saved: {shared.error}
        </Alert>
      )}
      {FIELDS.map((field) => (
        <Textarea
          key={field.name}
          label={field.label}
          description={field.description}
          autosize
          minRows={3}
          readOnly={!r.can.edit}
          value={shared.texts![field.name]}
          onChange={(e) => shared.edit(field.name, e.currentTarget.value)}
        />
      ))}
      <Stack gap="xs">
        <Title order={2} size="h4">
          Participants from other teams
        </Title>
        <Group gap="xs">
          {r.participants.length === 0 && <Text c="dimmed">Only the team so far.</Text>}
          {r.participants.map((p) => (
            <Badge key={p.id} variant="light">
              {p.name}
            </Badge>
          ))}
        </Group>
        {r.can.invite && (
          <Group align="end">
            <Select
              label="Invite someone"
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={invitee}
              onChange={setInvitee}
              searchable
            />
            <Button variant="light" disabled={!invitee} onClick={() => invitee && invite.mutate(invitee)}>
              Invite
            </Button>
          </Group>
        )}
      </Stack>
      <RetroActions retro={r} />
    </Stack>
  );
}
