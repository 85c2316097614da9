import { Alert, Button, Card, Code, CopyButton, Group, List, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { saveSlackInstallation, slackInstallationKey, useSlackInstallation, type SlackInstallation } from '../api/slack.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** Admins set up the organisation's Slack app: paste the manifest at api.slack.com, then store its two secrets here. */
export function SlackInstallPage() {
  const installation = useSlackInstallation();
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} size="h2">
          Slack app
        </Title>
        <Text c="dimmed">
          People check in from Slack: reminders arrive as direct messages with a Check in button, and /cairn lists their key results.
        </Text>
      </div>
      {installation.data ? <Steps installation={installation.data} /> : <Text c="dimmed">Loading…</Text>}
    </Stack>
  );
}

function Steps({ installation }: { installation: SlackInstallation }) {
  const manifest = JSON.stringify(installation.manifest, null, 2);
  return (
    <>
      <Card withBorder component="section" aria-labelledby="slack-manifest-title">
        <Title order={2} size="h4" id="slack-manifest-title" mb="sm">
          1. Create the app in Slack
        </Title>
        <List size="sm" spacing="xs" mb="sm">
          <List.Item>At api.slack.com/apps choose Create New App, then From an app manifest, and pick your workspace.</List.Item>
          <List.Item>Paste the manifest below (JSON) and create the app, then install it to your workspace.</List.Item>
          <List.Item>
            The slash command /cairn and interactivity both point at{' '}
            <Code style={{ overflowWrap: 'anywhere' }}>{installation.requestUrl}</Code>
          </List.Item>
        </List>
        <CopyButton value={manifest}>
          {({ copy, copied }) => (
            <Button variant="light" onClick={copy} mb="sm">
              {copied ? 'Manifest copied' : 'Copy manifest'}
            </Button>
          )}
        </CopyButton>
        <Code
          block
          tabIndex={0}
          aria-label="App manifest"
          style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {manifest}
        </Code>
      </Card>
      <Card withBorder component="section" aria-labelledby="slack-secrets-title">
        <Title order={2} size="h4" id="slack-secrets-title" mb="sm">
          2. Give Cairn its secrets
        </Title>
        <CredentialsForm configured={installation.configured} />
      </Card>
    </>
  );
}

function CredentialsForm({ configured }: { configured: boolean }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { signingSecret: '', botToken: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setSaved(false);
    queryClient.setQueryData(slackInstallationKey, await saveSlackInstallation(values));
    form.reset();
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        <Text size="sm" c="dimmed">
          {configured
            ? 'Slack is set up. The secrets are stored on the server and never shown again; paste new ones to replace them.'
            : 'Not set up yet. Cairn refuses every request from Slack until both are stored.'}
        </Text>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <PasswordInput
          label="Signing secret"
          description="Basic Information → App Credentials"
          autoComplete="off"
          {...form.getInputProps('signingSecret')}
        />
        <PasswordInput
          label="Bot token"
          description="OAuth & Permissions → Bot User OAuth Token (xoxb-…)"
          autoComplete="off"
          {...form.getInputProps('botToken')}
        />
        {saved && (
          <Alert color="teal" role="status">
            Saved: Cairn now answers /cairn and sends reminders to people who linked Slack.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Save Slack secrets
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
