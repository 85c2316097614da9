import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { INITIATIVE_STATUS_LABELS, useMyInitiatives } from '../../api/initiatives.js';

/** My open initiatives (planned or in progress), due first: the work of my week beside my key results. */
export function MyInitiatives() {
  const mine = useMyInitiatives();
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="My initiatives">
      <Title order={2} size="h4">
        My initiatives
      </Title>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {mine.data.map((i) => (
          <li key={i.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/objectives/${i.objectiveId}`} underline="always">
                {i.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[INITIATIVE_STATUS_LABELS[i.status], i.dueDate ? `due ${i.dueDate}` : null, `for ${i.keyResultTitle}`]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
