import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { progressKeys } from '../../api/okr-queries.js';
import type { Cycle, Objective } from '../../api/okr-types.js';
import { removals, whatGoesWith } from '../../api/removals.js';
import { ConfirmDialog } from '../ConfirmDialog.js';

/**
 * The end of the cycle settings: delete a cycle while it holds no published objectives (its drafts
 * go with it), else archive it (it leaves the cycle switcher; objectives and scores stay).
 */
export function CycleRemoval({ cycle, onDone }: { cycle: Cycle; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [opened, dialog] = useDisclosure();
  const contents = useQuery({
    queryKey: ['objectives', 'cycle-contents', cycle.id],
    queryFn: async () => {
      const [live, archived] = await Promise.all([
        api<Objective[]>(`/api/v1/objectives?cycleId=${cycle.id}`),
        api<Objective[]>(`/api/v1/objectives?cycleId=${cycle.id}&status=archived`),
      ]);
      const all = [...live, ...archived];
      const drafts = all.filter((o) => o.status === 'draft');
      return {
        published: all.length - drafts.length,
        drafts: drafts.length,
        keyResults: drafts.reduce((n, o) => n + o.keyResults.length, 0),
      };
    },
  });
  if (!contents.data) return null;
  const deletable = contents.data.published === 0;
  const archived = cycle.archived;
  const goesWith = whatGoesWith({ objectives: contents.data.drafts, keyResults: contents.data.keyResults });
  const action = deletable ? 'Delete cycle' : archived ? 'Restore cycle' : 'Archive cycle';
  return (
    <Group justify="space-between" wrap="wrap" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" c="dimmed" maw={420}>
        {deletable
          ? 'Nothing is published in this cycle yet: it can be deleted.'
          : `It holds ${contents.data.published} published objective${contents.data.published === 1 ? '' : 's'}: it can be archived, not deleted.`}
      </Text>
      <Button variant="light" color={deletable ? 'red' : 'gray'} onClick={dialog.open}>
        {action}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={dialog.close}
        title={`${action.replace(' cycle', '')} ${cycle.name}?`}
        confirmLabel={action}
        danger={deletable}
        onConfirm={async () => {
          if (deletable) await removals.deleteCycle(cycle.id);
          else await removals.archiveCycle(cycle.id, !archived);
          await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
          onDone();
        }}
      >
        {deletable
          ? `${goesWith ? `Deleting it also deletes its ${goesWith}` : 'It is empty'}. This cannot be undone.`
          : archived
            ? 'It comes back to the cycle switcher.'
            : 'It leaves the cycle switcher; its objectives, check-ins and scores stay, and you can restore it.'}
      </ConfirmDialog>
    </Group>
  );
}
