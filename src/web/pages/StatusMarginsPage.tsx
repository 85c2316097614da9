import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { progressKeys } from '../api/okr-queries.js';
import { saveStatusMargins, statusMarginsKey, useStatusMargins, type StatusMargins } from '../api/status-margins.js';
import type { Me } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** How far behind the expected pace an objective may be and still count as on track, or at risk (admins set it). */
export function StatusMarginsPage({ me }: { me: Me }) {
  const margins = useStatusMargins();
  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1} size="h2">
          Status margins
        </Title>
        <Text c="dimmed">
          Status compares progress with the progress expected by today. These margins say how far behind that pace is still on track, and
          how far is at risk; further behind is off track.
        </Text>
      </div>
      <Card withBorder>
        {margins.data ? <MarginsForm margins={margins.data} canEdit={me.can.managePrinciples} /> : <Text c="dimmed">Loading…</Text>}
      </Card>
    </Stack>
  );
}

const points = (fraction: number) => Math.round(fraction * 1000) / 10;

function MarginsForm({ margins, canEdit }: { margins: StatusMargins; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      onTrackMargin: points(margins.onTrackMargin) as number | string,
      atRiskMargin: points(margins.atRiskMargin) as number | string,
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setSaved(false);
    const fraction = (value: number | string) => Number(value) / 100;
    const next = await saveStatusMargins({ onTrackMargin: fraction(values.onTrackMargin), atRiskMargin: fraction(values.atRiskMargin) });
    queryClient.setQueryData(statusMarginsKey, next);
    await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    setSaved(true);
  });
  const example = (value: number | string) => Math.max(0, 50 - Number(value || 0));
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {!canEdit && <Text size="sm">Only owners and admins change the margins.</Text>}
        <Group grow align="flex-start">
          <NumberInput
            label="On track within"
            description="Percentage points behind the pace"
            suffix=" points"
            min={0}
            max={100}
            disabled={!canEdit}
            {...form.getInputProps('onTrackMargin')}
          />
          <NumberInput
            label="At risk within"
            description="Percentage points behind the pace"
            suffix=" points"
            min={0}
            max={100}
            disabled={!canEdit}
            {...form.getInputProps('atRiskMargin')}
          />
        </Group>
        <Text size="sm" c="dimmed">
          Example: half-way through a cycle, 50% is expected. At {example(form.getValues().onTrackMargin)}% or more an objective is on
          track; at {example(form.getValues().atRiskMargin)}% or more it is at risk; below that it is off track.
        </Text>
        {saved && (
          <Alert color="teal" role="status">
            Saved: every status now uses these margins.
          </Alert>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              Save margins
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
