import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { CycleSummary } from '../../api/okr-types.js';
import { percent } from '../ProgressBar.js';

/**
 * The tree page's five figures for the cycle. While the summary loads, the same cards stand in their
 * place with the figures skeletoned (Mantine's Skeleton keeps its child's size), so the filters and
 * the tree below do not move when the figures arrive.
 */
export function TreeSummaryCards({ summary }: { summary: CycleSummary | undefined }) {
  const loading = !summary;
  const figure = (value: string, color?: string) => (
    <Skeleton visible={loading} width={loading ? '50%' : undefined}>
      <Text fw={700} c={color}>
        {value}
      </Text>
    </Skeleton>
  );
  const cards: { label: string; value: string; color?: string }[] = [
    { label: 'Progress', value: summary ? percent(summary.averageProgress) : '0%' },
    { label: 'Expected by now', value: summary ? percent(summary.expectedProgress) : '0%' },
    { label: 'On track', value: String(summary?.byStatus.on_track ?? 0), color: 'teal.9' },
    {
      label: 'At risk / off track',
      value: summary ? `${summary.byStatus.at_risk} / ${summary.byStatus.off_track}` : '0 / 0',
      color: 'red.9',
    },
    { label: 'Stale key results', value: String(summary?.staleKeyResults ?? 0) },
  ];
  return (
    <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs" aria-busy={loading}>
      {cards.map((card) => (
        <Card key={card.label} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {card.label}
          </Text>
          {figure(card.value, card.color)}
        </Card>
      ))}
    </SimpleGrid>
  );
}
