import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useNotifications, usePreferences } from '../api/social.js';
import type { Me } from '../api/types.js';
import { when } from '../components/social/when.js';
import { useNotificationActions } from '../components/social/notification-actions.js';
import { KIND_LABELS, PreferencesTable } from '../components/social/PreferencesTable.js';
import { QuietHoursForm } from '../components/social/QuietHoursForm.js';
import { ReviewsAskedOfYou } from '../components/review-requests/ReviewsAskedOfYou.js';

/** Everything that notified me, and how and when I want to hear of it. */
export function NotificationsPage({ me }: { me: Me }) {
  const notifications = useNotifications();
  const preferences = usePreferences();
  const { markRead, markAllRead } = useNotificationActions();
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            Notifications
          </Title>
          <Text c="dimmed">
            {unread === 0 ? 'You are all caught up.' : `${unread} unread`} · {me.user.email}
          </Text>
        </div>
        <Button variant="light" disabled={unread === 0} onClick={() => void markAllRead()}>
          Mark all as read
        </Button>
      </Group>
      <ReviewsAskedOfYou />
      {notifications.isPending && <Text c="dimmed">Loading…</Text>}
      {!notifications.isPending && items.length === 0 && (
        <Text c="dimmed">Nothing yet: mentions, comments on your OKRs and celebrations will appear here.</Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Your notifications">
        {items.map((n) => (
          <Card
            key={n.id}
            component="li"
            withBorder
            padding="sm"
            style={n.readAt ? undefined : { borderColor: 'var(--mantine-color-teal-7)' }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Group gap={6}>
                  {!n.readAt && (
                    <Badge size="xs" color="teal">
                      New
                    </Badge>
                  )}
                  <Badge size="xs" variant="light" color="gray">
                    {KIND_LABELS[n.kind]}
                  </Badge>
                </Group>
                {n.link ? (
                  <Anchor component={Link} to={n.link} fw={600} onClick={() => !n.readAt && void markRead(n.id)}>
                    {n.title}
                  </Anchor>
                ) : (
                  <Text fw={600}>{n.title}</Text>
                )}
                {n.body && (
                  <Text size="sm" lineClamp={3}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {when(n.createdAt)}
                </Text>
              </div>
              {!n.readAt && (
                <Button size="compact-xs" variant="subtle" onClick={() => void markRead(n.id)} aria-label={`Mark read: ${n.title}`}>
                  Mark read
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <Title order={2} size="h4">
        How you hear of things
      </Title>
      {preferences.data && <PreferencesTable preferences={preferences.data.preferences} />}
      <Title order={2} size="h4">
        Quiet hours
      </Title>
      {preferences.data && <QuietHoursForm initial={preferences.data.quietHours} timeZone={preferences.data.timeZone} />}
    </Stack>
  );
}
