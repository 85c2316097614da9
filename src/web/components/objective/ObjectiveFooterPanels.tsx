import { Card, Title } from '@mantine/core';
import { memo } from 'react';
import { OnceVisible } from '../on-demand/OnceVisible.js';
import { lazyNamed } from '../../routing/lazy-named.js';

// Below the fold: their code (upload form, mention box, reactions) comes with them, when scrolled near.
const AttachmentsPanel = lazyNamed(() => import('../attachments/AttachmentsPanel.js'), 'AttachmentsPanel');
const CommentsPanel = lazyNamed(() => import('../CommentsPanel.js'), 'CommentsPanel');
const ActivityList = lazyNamed(() => import('../ActivityList.js'), 'ActivityList');

/** Files, comments and history of an objective: below the fold on a phone, asked for when scrolled near. */
export const ObjectiveFooterPanels = memo(function ObjectiveFooterPanels({ objectiveId }: { objectiveId: string }) {
  return (
    <OnceVisible minHeight={120}>
      <AttachmentsPanel parent={{ kind: 'objectives', id: objectiveId }} />
      <CommentsPanel targetType="objective" targetId={objectiveId} />
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          History
        </Title>
        <ActivityList objectiveId={objectiveId} />
      </Card>
    </OnceVisible>
  );
});
