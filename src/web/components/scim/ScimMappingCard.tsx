import { Card, Code, List, Text, Title } from '@mantine/core';

/** What the identity provider's attributes become in Cairn, and what deactivation does. */
export function ScimMappingCard() {
  return (
    <Card withBorder component="section" aria-labelledby="scim-mapping-title">
      <Title order={2} size="h4" id="scim-mapping-title" mb="xs">
        What is mapped
      </Title>
      <Text size="sm" fw={600}>
        Users are people
      </Text>
      <List size="sm" spacing={4} mb="sm">
        <List.Item>
          <Code>userName</Code> is the e-mail address they sign in with; a change of the work e-mail (
          <Code style={{ overflowWrap: 'anywhere' }}>emails[type eq &quot;work&quot;].value</Code>) moves it too.
        </List.Item>
        <List.Item>
          <Code>name.givenName</Code> and <Code>name.familyName</Code> (else <Code>name.formatted</Code> or <Code>displayName</Code>) make
          their name.
        </List.Item>
        <List.Item>
          <Code>active: false</Code> deactivates the person and <strong>ends every session and API token they have, at once</strong>;{' '}
          <Code>active: true</Code> lets them sign in again. Deleting a user deactivates them too; their OKRs and history stay.
        </List.Item>
        <List.Item>
          People created this way have no password: they sign in with single sign-on, or set one with &quot;Forgot password&quot;.
        </List.Item>
      </List>
      <Text size="sm" fw={600}>
        Groups are teams
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <Code>displayName</Code> is the team&apos;s name; <Code>members</Code> are its members (people the group no longer lists leave the
          team).
        </List.Item>
        <List.Item>Deleting a group deletes its team, unless the team still has sub-teams or objectives.</List.Item>
      </List>
    </Card>
  );
}
