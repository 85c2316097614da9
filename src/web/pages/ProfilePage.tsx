import { Card, Stack, Text, Title } from '@mantine/core';
import type { Me } from '../api/types.js';
import { AboutYouForm } from '../components/profile/AboutYouForm.js';
import { CalendarFeedCard } from '../components/profile/CalendarFeedCard.js';
import { PasswordForm } from '../components/profile/PasswordForm.js';
import { SlackLinkCard } from '../components/profile/SlackLinkCard.js';

/** What each person manages about themselves: name, title, time zone and password. */
export function ProfilePage({ me }: { me: Me }) {
  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1} size="h2">
          Your profile
        </Title>
        <Text c="dimmed">
          {me.user.email} · {me.user.role} of {me.organization.name}
        </Text>
      </div>
      <Card withBorder component="section" aria-labelledby="about-title">
        <Title order={2} size="h4" id="about-title" mb="sm">
          About you
        </Title>
        <AboutYouForm me={me} />
      </Card>
      <Card withBorder component="section" aria-labelledby="password-title">
        <Title order={2} size="h4" id="password-title" mb="sm">
          Password
        </Title>
        <PasswordForm />
      </Card>
      <Card withBorder component="section" aria-labelledby="calendar-title">
        <Title order={2} size="h4" id="calendar-title" mb="sm">
          Calendar
        </Title>
        <CalendarFeedCard />
      </Card>
      <Card withBorder component="section" aria-labelledby="slack-title">
        <Title order={2} size="h4" id="slack-title" mb="sm">
          Slack
        </Title>
        <SlackLinkCard />
      </Card>
    </Stack>
  );
}
