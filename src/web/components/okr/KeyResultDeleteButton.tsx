import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { progressKeys } from '../../api/okr-queries.js';
import type { KeyResult } from '../../api/okr-types.js';
import { countCheckIns, removals, whatGoesWith } from '../../api/removals.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/** Deletes a key result after a confirmation naming its check-ins; its objective is recomputed without it. */
export function KeyResultDeleteButton({ kr }: { kr: KeyResult }) {
  const queryClient = useQueryClient();
  const [opened, dialog] = useDisclosure();
  const checkIns = useQuery({ queryKey: ['check-ins', 'count', kr.id], queryFn: () => countCheckIns([kr.id]), enabled: opened });
  const goesWith = whatGoesWith({ checkIns: checkIns.data });
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={dialog.open} aria-label={`Delete key result ${kr.title}`}>
        Delete
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={dialog.close}
        title={`Delete “${kr.title}”?`}
        confirmLabel="Delete key result"
        onConfirm={async () => {
          await removals.deleteKeyResult(kr.id);
          await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        }}
      >
        {checkIns.isPending
          ? 'Counting its check-ins…'
          : `${goesWith ? `Deleting it also deletes its ${goesWith}` : 'It has no check-ins yet'}, and its objective’s progress is recomputed without it. This cannot be undone.`}
      </ConfirmDialog>
    </>
  );
}
