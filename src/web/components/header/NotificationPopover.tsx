import { Anchor, Button, Group, Popover, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { useNotifications } from '../../api/social.js';
import type { Notification } from '../../api/social-types.js';
import { when } from '../social/when.js';
import { BellButton } from './BellButton.js';
import { useNotificationActions } from '../social/notification-actions.js';

/** The bell's popover: the latest notifications, one click to open one (and mark it read). Loaded on the first press. */
export function NotificationPopover({ unread }: { unread: number }) {
  const notifications = useNotifications();
  const { markRead, markAllRead } = useNotificationActions();
  const [opened, { toggle, close }] = useDisclosure(true);
  const navigate = useNavigate();
  const latest = (notifications.data?.items ?? []).slice(0, 8);
  const open = async (n: Notification) => {
    close();
    if (!n.readAt) await markRead(n.id);
    if (n.link) void navigate(n.link);
  };
  return (
    <Popover opened={opened} onChange={(next) => !next && close()} position="bottom-end" width={340} shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <BellButton unread={unread} onClick={toggle} />
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
  );
}
