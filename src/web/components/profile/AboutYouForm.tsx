import { Alert, Button, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import { keys } from '../../api/queries.js';
import type { Me } from '../../api/types.js';
import { useApiSubmit } from '../useApiForm.js';

const ORG_DEFAULT = 'organisation-default';

/** Name, job title and time zone: the time zone sets when reminders and quiet hours fall for you. */
export function AboutYouForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const zones = useMemo(
    () => [
      { value: ORG_DEFAULT, label: `Organisation default (${me.organization.timeZone})` },
      ...Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })),
    ],
    [me.organization.timeZone],
  );
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: me.user.name, title: me.user.title ?? '', timeZone: me.user.timeZone ?? ORG_DEFAULT },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setSaved(false);
    await api(`/api/v1/users/${me.user.id}`, {
      method: 'PATCH',
      body: { name: values.name, title: values.title.trim() || null, timeZone: values.timeZone === ORG_DEFAULT ? null : values.timeZone },
    });
    await queryClient.invalidateQueries({ queryKey: keys.me });
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} aria-label="About you">
      <Stack gap="sm">
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <TextInput label="Job title" placeholder="e.g. Head of Support" {...form.getInputProps('title')} />
        <Select
          label="Time zone"
          description="Reminders, digests and quiet hours follow it."
          searchable
          allowDeselect={false}
          data={zones}
          {...form.getInputProps('timeZone')}
        />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          Save profile
        </Button>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" role="status">
            Your profile is saved.
          </Alert>
        )}
      </Stack>
    </form>
  );
}
