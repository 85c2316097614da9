import { Button, Card, Code, CopyButton, Group, List, Text, TextInput, Title } from '@mantine/core';

const SCOPE_USES = [
  { scope: 'read', use: 'my key results, objective details, what changed this week, lessons' },
  { scope: 'write:check-ins', use: 'check in on your key results' },
  { scope: 'write:okrs', use: 'draft objectives and run the quality coach' },
];

/** How to connect an AI assistant to Cairn's MCP endpoint with a token made on this page. */
export function ConnectAssistantCard() {
  const url = `${window.location.origin}/mcp`;
  return (
    <Card withBorder component="section" aria-labelledby="connect-assistant-title">
      <Title order={2} size="h4" id="connect-assistant-title">
        Connect an assistant (MCP)
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        An assistant that speaks the Model Context Protocol can read and update your OKRs as you. Add Cairn as a remote MCP server
        (streamable HTTP) at this address and give it a token from this page as <Code>Authorization: Bearer …</Code>. Its changes appear in
        each objective&apos;s history as made “via MCP”.
      </Text>
      <Group align="end" wrap="wrap" mb="sm">
        <TextInput label="MCP server address" value={url} readOnly style={{ flex: 1, minWidth: 0 }} />
        <CopyButton value={url}>{({ copy, copied }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
      </Group>
      <Text size="sm">Give the token only the scopes the assistant needs:</Text>
      <List size="sm" spacing={2}>
        {SCOPE_USES.map((s) => (
          <List.Item key={s.scope}>
            <Code>{s.scope}</Code> — {s.use}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
