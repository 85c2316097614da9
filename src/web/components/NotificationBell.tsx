import { ActionIcon, Anchor, Button, Group, Indicator, Popover, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useLiveUpdates } from '../api/live.js';
import { useNotifications } from '../api/social.js';
import type { Notification } from '../api/social-types.js';
import { when } from './social/when.js';
import { useNotificationActions } from './social/notification-actions.js';

/**
 * The header's bell: unread count, the latest notifications, one click to open one (and mark it
 * read). It lives as long as the signed-in layout, so it also keeps the live-updates stream open.
 */
export function NotificationBell() {
  useLiveUpdates();
  const notifications = useNotifications();
  const { markRead, markAllRead } = useNotificationActions();
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const unread = notifications.data?.unread ?? 0;
  const latest = (notifications.data?.items ?? []).slice(0, 8);
  const open = async (n: Notification) => {
    close();
    if (!n.readAt) await markRead(n.id);
    if (n.link) void navigate(n.link);
  };
  return (
    // The indicator wraps the popover: the popover's target must be the button itself, which takes its aria-expanded.
    <Indicator label={unread} size={18} disabled={unread === 0} color="red.9" offset={4}>
      <Popover opened={opened} onChange={(next) => !next && close()} position="bottom-end" width={340} shadow="md" trapFocus withinPortal>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={`Notifications, ${unread} unread`}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label="Latest notifications">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Notifications</Text>
            <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => void markAllRead()}>
              Mark all read
            </Button>
          </Group>
          <Stack gap={4}>
            {latest.length === 0 && (
              <Text size="sm" c="dimmed">
                Nothing yet.
              </Text>
            )}
            {latest.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => void open(n)}
                p={6}
                style={{ borderRadius: 6, background: n.readAt ? undefined : 'var(--mantine-color-teal-light)' }}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                  {!n.readAt && <VisuallyHidden>Unread: </VisuallyHidden>}
                  {n.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {when(n.createdAt)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
          <Anchor component={Link} to="/notifications" size="sm" mt="xs" display="block" onClick={close}>
            All notifications and settings
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
