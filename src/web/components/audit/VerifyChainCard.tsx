import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useVerifyChain } from '../../api/audit.js';

/** "Verify chain": recomputes every entry's hash on the server and names the first one altered or removed. */
export function VerifyChainCard() {
  const verify = useVerifyChain();
  const verdict = verify.data;
  return (
    <Card withBorder component="section" aria-labelledby="verify-title">
      <Title order={2} size="h4" id="verify-title" mb="xs">
        Integrity
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Each entry holds the hash of the one before it, so a changed or deleted row breaks the chain. The same check runs on the server with{' '}
        <code>cairn audit verify</code>.
      </Text>
      <Group>
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify chain
        </Button>
      </Group>
      {verdict?.ok && (
        <Alert color="teal" mt="sm" role="status" title="Chain intact">
          Chain intact: {verdict.checked} {verdict.checked === 1 ? 'entry' : 'entries'} checked.
        </Alert>
      )}
      {verdict && !verdict.ok && (
        <Alert color="red" mt="sm" role="alert" title="Chain broken">
          {verdict.message} {verdict.checked} {verdict.checked === 1 ? 'entry' : 'entries'} before it checked out.
        </Alert>
      )}
      {verify.error && (
        <Alert color="red" mt="sm" role="alert">
          {verify.error.message}
        </Alert>
      )}
    </Card>
  );
}
