import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { keys } from '../api/queries.js';
import { removals, whatGoesWith } from '../api/removals.js';
import type { Team } from '../api/types.js';
import { ConfirmDialog } from './ConfirmDialog.js';

/** Deletes a team (admins, as `can.delete` says); the server refuses while it has sub-teams or objectives. */
export function TeamDeleteButton({ team }: { team: Team }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure();
  const goesWith = whatGoesWith({ members: team.memberCount ?? 0 });
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={dialog.open}>
        Delete team
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={dialog.close}
        title={`Delete ${team.name}?`}
        confirmLabel="Delete team"
        onConfirm={async () => {
          await removals.deleteTeam(team.id);
          navigate('/teams');
          await queryClient.invalidateQueries({ queryKey: keys.teams });
        }}
      >
        {goesWith ? `Deleting it also removes its ${goesWith} (the people stay). ` : ''}A team with sub-teams or objectives cannot be
        deleted: move them first. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
