import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useReviewsAsked } from '../../api/review-requests.js';

/** "Reviews asked of you": the open requests naming me, each a link to the draft where I answer. Hidden when none. */
export function ReviewsAskedOfYou() {
  const asked = useReviewsAsked();
  const requests = asked.data?.requests ?? [];
  if (requests.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="reviews-asked-title">
      <Title order={2} size="h4" id="reviews-asked-title" mb="xs">
        Reviews asked of you
      </Title>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {requests.map((r) => (
          <li key={r.id}>
            <Anchor component={Link} to={`/objectives/${r.objectiveId}`} style={{ overflowWrap: 'anywhere' }}>
              {r.objectiveTitle}
            </Anchor>
            <Text size="xs" c="dimmed">
              asked by {r.requestedByName}
              {r.note ? ` · “${r.note}”` : ''}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
