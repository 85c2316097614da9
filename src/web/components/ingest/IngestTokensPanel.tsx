import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ItemList, RowAction } from '../lists/ItemList.js';
import { ingestKeys, issueToken, revokeToken, useIngestTokens, type IssuedToken, type Metric } from '../../api/ingest.js';

/**
 * Tokens that let a dashboard, a script or a sheet push values to this one metric. A new token is shown once, here;
 * only its hash is kept, so the list names tokens by their label and use.
 */
export function IngestTokensPanel({ metric }: { metric: Metric }) {
  const tokens = useIngestTokens(metric);
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ingestKeys.tokens(metric) });
  const create = async () => {
    setError(null);
    try {
      setIssued(await issueToken(metric, label.trim() || null));
      setLabel('');
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The token could not be created.');
    }
  };
  const pushUrl = `${window.location.origin}/api/v1/ingest/${metric.id}`;
  return (
    <Stack gap="xs" component="section" aria-label="Ingest tokens">
      <Title order={3} size="h5">
        Values pushed by other tools
      </Title>
      <Text size="xs" c="dimmed">
        POST <Code>{'{ "value": 42, "asOf": "YYYY-MM-DD", "source": "my dashboard" }'}</Code> to{' '}
        <Code style={{ overflowWrap: 'anywhere' }}>{pushUrl}</Code> with the token as a bearer.{' '}
        {metric.kind === 'kpis' ? 'Values are stored at once.' : 'Each value waits for its owner to confirm it.'}
      </Text>
      {issued && (
        <Alert color="teal" title="Copy this token now: it will not be shown again" role="status">
          <Group gap="xs" wrap="wrap">
            <Code style={{ overflowWrap: 'anywhere' }} data-testid="issued-token">
              {issued.token}
            </Code>
            <CopyButton value={issued.token}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <ItemList
        label="Live ingest tokens"
        items={tokens.data ?? []}
        row={(t) => (
          <>
            <Text size="sm">{t.label ?? 'Unlabelled token'}</Text>
            <Text size="xs" c="dimmed">
              {t.createdByName ? `by ${t.createdByName} · ` : ''}
              {t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 10)}` : 'never used'}
            </Text>
            <RowAction label={`Revoke token ${t.label ?? 'Unlabelled token'}`} onClick={() => void revokeToken(t.id).then(refresh)}>
              Revoke
            </RowAction>
          </>
        )}
      />
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput label="What will push with it" size="xs" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
        <Button size="xs" variant="light" onClick={() => void create()}>
          Create token
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
