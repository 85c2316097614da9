import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { progressKeys } from '../../api/okr-queries.js';
import type { CheckIn } from '../../api/okr-types.js';
import { removals } from '../../api/removals.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/** Deletes a check-in (its author or an admin, as `can.delete` says); the key result falls back to the one before. */
export function CheckInDeleteButton({ checkIn }: { checkIn: CheckIn }) {
  const queryClient = useQueryClient();
  const [opened, dialog] = useDisclosure();
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={dialog.open} aria-label={`Delete check-in of ${checkIn.asOf}`}>
        Delete
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={dialog.close}
        title={`Delete the check-in of ${checkIn.asOf}?`}
        confirmLabel="Delete check-in"
        onConfirm={async () => {
          await removals.deleteCheckIn(checkIn.id);
          await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        }}
      >
        Its value, note{checkIn.blockers ? ', blocker' : ''} and reactions go with it; the key result shows the check-in before it again.
      </ConfirmDialog>
    </>
  );
}
