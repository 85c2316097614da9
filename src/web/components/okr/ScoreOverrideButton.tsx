import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazyNamed } from '../../routing/lazy-named.js';
import { OnceOpened } from '../on-demand/OnceOpened.js';
import type { OverridableKeyResult } from './ScoreOverrideDialog.js';

// The dialog's form (number input, form state) loads on the first press, not with every list of key results.
const ScoreOverrideDialog = lazyNamed(() => import('./ScoreOverrideDialog.js'), 'ScoreOverrideDialog');

/**
 * The owner's (or an admin's) judgement of a key result's closing score, with the reason kept beside it.
 * Offered during the review at the end of a cycle and after it closed, as the close dialog promises.
 */
export function ScoreOverrideButton({ kr }: { kr: OverridableKeyResult }) {
  const [opened, dialog] = useDisclosure();
  const label = kr.scoreOverride !== null ? 'Change score override' : 'Override score';
  return (
    <>
      <Button size="xs" variant="subtle" onClick={dialog.open} aria-label={`${label} of ${kr.title}`}>
        {label}
      </Button>
      <OnceOpened opened={opened}>
        <ScoreOverrideDialog kr={kr} opened={opened} onClose={dialog.close} />
      </OnceOpened>
    </>
  );
}
