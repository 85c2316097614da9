import { Button, Card, Group, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { KpiBoard } from './KpiBoard.js';
import { KpiFormModal } from './KpiFormModal.js';

/** A team's KPI board on its page; those who manage the team add KPIs here. */
export function TeamKpis({ teamId, canAdd }: { teamId: string; canAdd: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          KPIs
        </Title>
        {canAdd && (
          <Button size="xs" variant="light" onClick={open}>
            New KPI
          </Button>
        )}
      </Group>
      <KpiBoard filter={{ teamId }} empty="This team watches no KPIs yet." />
      {canAdd && <KpiFormModal opened={opened} onClose={close} teamId={teamId} />}
    </Card>
  );
}
