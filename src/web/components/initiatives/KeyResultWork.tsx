import { Stack } from '@mantine/core';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.js';
import { InitiativesPanel } from './InitiativesPanel.js';

/** Under a key result: its initiatives (the work) and its links and files. */
export function KeyResultWork(props: { keyResultId: string; milestone: boolean; closed: boolean; meId: string }) {
  return (
    <Stack gap="sm" pt="xs">
      <InitiativesPanel {...props} />
      <AttachmentsPanel parent={{ kind: 'key-results', id: props.keyResultId }} />
    </Stack>
  );
}
