import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { KpiBoardFilter } from '../api/kpis.js';
import { KpiBoard } from '../components/kpis/KpiBoard.js';
import { KpiFormModal } from '../components/kpis/KpiFormModal.js';

/** The organisation's KPI board: company KPIs, or every KPI of every team. */
export function KpisPage() {
  const [opened, { open, close }] = useDisclosure(false);
  const [scope, setScope] = useState<'company' | 'all'>('all');
  const filter: KpiBoardFilter = scope === 'company' ? { company: true } : {};
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            KPIs
          </Title>
          <Text c="dimmed">Business as usual, watched against its bands. When a KPI stays unhealthy, Cairn proposes an objective.</Text>
        </div>
        <Button onClick={open}>New KPI</Button>
      </Group>
      <SegmentedControl
        aria-label="Which KPIs"
        fullWidth
        maw={320}
        value={scope}
        onChange={(v) => setScope(v as 'company' | 'all')}
        data={[
          { value: 'all', label: 'All teams' },
          { value: 'company', label: 'Company' },
        ]}
      />
      <KpiBoard filter={filter} empty="No KPIs yet." />
      <KpiFormModal opened={opened} onClose={close} />
    </Stack>
  );
}
