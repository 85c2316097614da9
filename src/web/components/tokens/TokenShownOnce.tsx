import { Alert, Button, Code, CopyButton, Group } from '@mantine/core';

/** A new token's secret, shown this once with a copy button: only its hash is kept. */
export function TokenShownOnce({ token }: { token: string }) {
  return (
    <Alert color="yellow" mt="md" title="Copy your token now: it will not be shown again" role="status">
      <Group gap="xs" wrap="nowrap">
        <Code style={{ overflowWrap: 'anywhere' }}>{token}</Code>
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
