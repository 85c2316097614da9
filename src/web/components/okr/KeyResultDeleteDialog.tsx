import { useQuery, useQueryClient } from '@tanstack/react-query';
import { progressKeys } from '../../api/okr-queries.js';
import type { KeyResult } from '../../api/okr-types.js';
import { countCheckIns, removals, whatGoesWith } from '../../api/removals.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/** The confirmation of `KeyResultDeleteButton`, loaded on its first press: it names the check-ins that go too. */
export function KeyResultDeleteDialog({ kr, opened, onClose }: { kr: KeyResult; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const checkIns = useQuery({ queryKey: ['check-ins', 'count', kr.id], queryFn: () => countCheckIns([kr.id]), enabled: opened });
  const goesWith = whatGoesWith({ checkIns: checkIns.data });
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
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
  );
}
