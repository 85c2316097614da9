import { ActionIcon } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';

/** The bell's button, named with the unread count: the same before and after the popover's code arrives. */
export const BellButton = forwardRef<HTMLButtonElement, { unread: number } & ComponentPropsWithoutRef<'button'>>(function BellButton(
  { unread, ...button },
  ref,
) {
  return (
    <ActionIcon ref={ref} variant="subtle" color="gray" size="lg" aria-label={`Notifications, ${unread} unread`} {...button}>
      <IconBell size={20} aria-hidden />
    </ActionIcon>
  );
});
