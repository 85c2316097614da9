import { Button, Collapse, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useReactions } from '../../api/social.js';
import { CommentsPanel } from '../CommentsPanel.js';
import { ReactionBar } from './ReactionBar.js';

/** Under a check-in in the history: reactions, and its comments on demand. */
export function CheckInSocial({ checkInId, asOf }: { checkInId: string; asOf: string }) {
  const reactions = useReactions('check_in', checkInId);
  const [open, comments] = useDisclosure();
  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs">
        <ReactionBar type="check_in" id={checkInId} reactions={reactions.data ?? []} label={`the check-in of ${asOf}`} />
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={comments.toggle}
          aria-expanded={open}
          aria-label={`${open ? 'Hide comments on' : 'Comments on'} the check-in of ${asOf}`}
        >
          {open ? 'Hide comments' : 'Comments'}
        </Button>
      </Group>
      <Collapse expanded={open}>{open && <CommentsPanel targetType="check_in" targetId={checkInId} />}</Collapse>
    </Stack>
  );
}
