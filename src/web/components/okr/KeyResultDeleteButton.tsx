import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { KeyResult } from '../../api/okr-types.js';
import { lazyNamed } from '../../routing/lazy-named.js';
import { OnceOpened } from '../on-demand/OnceOpened.js';

// The confirmation (a modal) loads on the first press, not with every list of key results.
const KeyResultDeleteDialog = lazyNamed(() => import('./KeyResultDeleteDialog.js'), 'KeyResultDeleteDialog');

/** Deletes a key result after a confirmation naming its check-ins; its objective is recomputed without it. */
export function KeyResultDeleteButton({ kr }: { kr: KeyResult }) {
  const [opened, dialog] = useDisclosure();
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={dialog.open} aria-label={`Delete key result ${kr.title}`}>
        Delete
      </Button>
      <OnceOpened opened={opened}>
        <KeyResultDeleteDialog kr={kr} opened={opened} onClose={dialog.close} />
      </OnceOpened>
    </>
  );
}
