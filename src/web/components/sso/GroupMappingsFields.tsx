import { ActionIcon, Button, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { useTeams } from '../../api/queries.js';
import type { SsoGroupMapping } from '../../api/sso.js';

const ROLE_OPTIONS = [
  { value: 'member', label: 'Member' },
  { value: 'champion', label: 'OKR champion' },
  { value: 'admin', label: 'Admin' },
];

interface Props {
  mappings: SsoGroupMapping[];
  /** Mantine's input props for `groupMappings.<path>`. */
  inputProps: (path: string) => object;
  add(): void;
  remove(index: number): void;
}

/** IdP group → Cairn team and/or role, shared by the OpenID Connect and SAML forms. */
export function GroupMappingsFields({ mappings, inputProps, add, remove }: Props) {
  const teams = useTeams();
  const teamOptions = (teams.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  return (
    <>
      <Title order={2} size="h4">
        Group mappings
      </Title>
      <Text size="sm" c="dimmed">
        At each sign-in, people in a group of the provider&apos;s groups claim join its team and take its role (never an owner&apos;s).
      </Text>
      {mappings.map((_, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <TextInput label="Group" required {...inputProps(`${i}.group`)} />
          <Select label="Team" clearable data={teamOptions} {...inputProps(`${i}.teamId`)} />
          <Select label="Role" clearable data={ROLE_OPTIONS} {...inputProps(`${i}.role`)} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove mapping ${i + 1}`} onClick={() => remove(i)}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={add}>
          Add a group mapping
        </Button>
      </Group>
    </>
  );
}
