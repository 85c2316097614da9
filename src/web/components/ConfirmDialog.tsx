import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ModalOnDemand as Modal } from './on-demand/ModalOnDemand.js';
import { OnceOpened } from './on-demand/OnceOpened.js';

/**
 * Asks before something is deleted or archived, saying what goes with it. A refusal from the server
 * stays in the dialog (focused, so it is read out); closing returns the focus to the opener.
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  danger = true,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };
  // Nothing is drawn, nor Mantine's Modal fetched, until the first time it opens: pages carry several (the objective
  // page's actions alone, two).
  return (
    <OnceOpened opened={opened}>
      <Modal opened={opened} onClose={close} title={title} returnFocus>
        <Stack>
          {error && (
            <Alert color="red" role="alert" tabIndex={-1} ref={(node) => node?.focus()}>
              {error}
            </Alert>
          )}
          <Text size="sm" component="div">
            {children}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color={danger ? 'red' : undefined} loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </OnceOpened>
  );
}
