import { Anchor, Badge, Button, Group, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { Objective } from '../../api/okr-types.js';
import { ContinuedFrom } from '../okr/ContinuedFrom.js';
import { ObjectiveActions } from '../okr/ObjectiveActions.js';
import { VisibilityBadge } from '../visibility/VisibilityBadge.js';

/** The objective's title, kind and badges, who owns it, and its edit and archive actions. Memoised: see ObjectivePage. */
export const ObjectiveHeading = memo(function ObjectiveHeading({
  o,
  cycleName,
  closed,
  onEdit,
}: {
  o: Objective;
  cycleName: string | undefined;
  closed: boolean;
  onEdit: () => void;
}) {
  return (
    <div>
      <Anchor component={Link} to={`/okrs?cycle=${o.cycleId}`} size="sm">
        ← {cycleName ?? 'OKRs'}
      </Anchor>
      <Group gap="sm" mt={4} align="center">
        <Title order={1} size="h2">
          {o.title}
        </Title>
        <Badge variant="outline" color={o.type === 'aspirational' ? 'grape' : 'gray'}>
          {o.type === 'aspirational' ? 'Aspirational' : 'Committed'}
        </Badge>
        <VisibilityBadge visibility={o.visibility} />
        {o.status === 'draft' && <Badge color="gray">Draft</Badge>}
        {o.status === 'archived' && <Badge color="gray">Archived</Badge>}
        {!closed && o.can.edit && (
          <Button size="compact-sm" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
        )}
        {!closed && <ObjectiveActions objective={o} />}
      </Group>
      <Text size="sm" c="dimmed">
        {o.teamId && o.teamName ? (
          <Anchor component={Link} to={`/teams/${o.teamId}`} size="sm" underline="always">
            {o.teamName}
          </Anchor>
        ) : (
          'Company'
        )}
        {o.ownerName ? ` · owned by ${o.ownerName}` : ''}
      </Text>
      {o.previousObjectiveId && <ContinuedFrom previousObjectiveId={o.previousObjectiveId} />}
    </div>
  );
});
