import { Alert, Button, Code, CopyButton, Group } from '@mantine/core';

/** A signing secret, shown once after creation or rotation, with a copy button. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Alert color="yellow" title="Copy the signing secret now: it will not be shown again" role="status">
      <Group gap="xs" wrap="wrap">
        <Code style={{ overflowWrap: 'anywhere' }} data-testid="webhook-secret">
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy secret'}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Alert>
  );
}
