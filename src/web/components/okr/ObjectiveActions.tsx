import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { progressKeys } from '../../api/okr-queries.js';
import type { Objective } from '../../api/okr-types.js';
import { countCheckIns, removals, whatGoesWith } from '../../api/removals.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/** Archive (or restore) and delete one objective, each after a confirmation naming what goes with it. */
export function ObjectiveActions({ objective }: { objective: Objective }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [deleting, deletion] = useDisclosure();
  const [archiving, archival] = useDisclosure();
  const keyResultIds = objective.keyResults.map((kr) => kr.id);
  const checkIns = useQuery({
    queryKey: ['check-ins', 'count', ...keyResultIds],
    queryFn: () => countCheckIns(keyResultIds),
    enabled: deleting,
  });
  const refresh = () => Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const archived = objective.status === 'archived';
  const goesWith = whatGoesWith({ keyResults: keyResultIds.length, checkIns: checkIns.data });
  return (
    <Group gap={4}>
      {objective.can.archive && objective.status !== 'draft' && (
        <Button size="compact-sm" variant="subtle" color="gray" onClick={archival.open}>
          {archived ? 'Restore' : 'Archive'}
        </Button>
      )}
      {objective.can.delete && (
        <Button size="compact-sm" variant="subtle" color="red" onClick={deletion.open}>
          Delete
        </Button>
      )}
      <ConfirmDialog
        opened={archiving}
        onClose={archival.close}
        title={archived ? `Restore “${objective.title}”?` : `Archive “${objective.title}”?`}
        confirmLabel={archived ? 'Restore objective' : 'Archive objective'}
        danger={false}
        onConfirm={async () => {
          await removals.archiveObjective(objective.id, !archived);
          await refresh();
        }}
      >
        {archived
          ? 'It comes back to the tree, the home pages and its parents’ progress.'
          : `It leaves the tree, the home pages, Needs attention and its parents’ progress and scoring, with its ${whatGoesWith({ keyResults: keyResultIds.length }) || 'key results'}. A search still finds it, and you can restore it.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting}
        onClose={deletion.close}
        title={`Delete “${objective.title}”?`}
        confirmLabel="Delete objective"
        onConfirm={async () => {
          await removals.deleteObjective(objective.id);
          navigate(`/okrs?cycle=${objective.cycleId}`);
          await refresh();
        }}
      >
        {checkIns.isPending
          ? 'Counting what goes with it…'
          : `${goesWith ? `Deleting it also deletes its ${goesWith}` : 'It has no key results'}; objectives aligned to it lose that link. This cannot be undone: archive it to keep its history.`}
      </ConfirmDialog>
    </Group>
  );
}
