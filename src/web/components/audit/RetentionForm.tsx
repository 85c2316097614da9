import { Alert, Button, Card, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAuditSettings, useSaveRetention } from '../../api/audit.js';

const CHOICES = [
  { value: 'forever', label: 'Keep everything' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '730', label: '2 years' },
  { value: '2555', label: '7 years' },
];

/** How long entries are kept; shorter retention prunes the oldest behind a signed anchor, so the rest still verifies. */
export function RetentionForm() {
  const settings = useAuditSettings();
  const save = useSaveRetention();
  const [choice, setChoice] = useState<string | null>(null);
  const current = settings.data ? (settings.data.retentionDays === null ? 'forever' : String(settings.data.retentionDays)) : 'forever';
  const value = choice ?? current;
  const data = CHOICES.some((c) => c.value === current) ? CHOICES : [...CHOICES, { value: current, label: `${current} days` }];
  return (
    <Card withBorder component="section" aria-labelledby="retention-title">
      <Title order={2} size="h4" id="retention-title" mb="xs">
        Retention
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(value === 'forever' ? null : Number(value), { onSuccess: () => setChoice(null) });
        }}
      >
        <Group align="flex-end">
          <NativeSelect label="Keep entries for" data={data} value={value} onChange={(e) => setChoice(e.currentTarget.value)} w={200} />
          <Button type="submit" variant="light" loading={save.isPending} disabled={value === current}>
            Save retention
          </Button>
        </Group>
      </form>
      {save.data && (
        <Text size="sm" mt="xs" role="status">
          Saved. {save.data.pruned} older {save.data.pruned === 1 ? 'entry was' : 'entries were'} removed.
        </Text>
      )}
      {save.error && (
        <Alert color="red" mt="sm" role="alert">
          {save.error.message}
        </Alert>
      )}
    </Card>
  );
}
