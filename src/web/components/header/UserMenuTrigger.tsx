import { Avatar, Group, Text, UnstyledButton } from '@mantine/core';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { Me } from '../../api/types.js';
import { initials } from '../initials.js';

/** The header's avatar and name: the user menu's button, the same before and after the menu's code arrives. */
export const UserMenuTrigger = forwardRef<HTMLButtonElement, { me: Me } & ComponentPropsWithoutRef<'button'>>(function UserMenuTrigger(
  { me, ...button },
  ref,
) {
  return (
    <UnstyledButton ref={ref} aria-haspopup="menu" {...button}>
      <Group gap="xs" wrap="nowrap">
        <Avatar color="teal" radius="xl" size="sm" aria-hidden>
          {initials(me.user.name)}
        </Avatar>
        <Text size="sm" maw={{ base: 90, sm: 240 }} truncate>
          {me.user.name}
        </Text>
      </Group>
    </UnstyledButton>
  );
});
