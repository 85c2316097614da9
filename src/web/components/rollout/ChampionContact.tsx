import { Anchor, Card, Text, Title } from '@mantine/core';
import { useChampions } from '../../api/surveys.js';

/** Everyone's contact for OKR questions: the organisation's OKR champions (nothing when there are none). */
export function ChampionContact() {
  const champions = useChampions();
  if (!champions.data || champions.data.length === 0) return null;
  return (
    <Card withBorder aria-labelledby="okr-contact-title">
      <Title order={2} size="h5" mb="xs" id="okr-contact-title">
        Questions about OKRs?
      </Title>
      <Text size="sm">
        Ask your OKR {champions.data.length === 1 ? 'champion' : 'champions'}:{' '}
        {champions.data.map((c, i) => (
          <span key={c.id}>
            {i > 0 && ', '}
            <Anchor href={`mailto:${c.email}`}>{c.name}</Anchor>
            {c.title ? ` (${c.title})` : ''}
          </span>
        ))}
      </Text>
    </Card>
  );
}
