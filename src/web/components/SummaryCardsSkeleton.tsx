import { memo } from 'react';
import { Card, SimpleGrid, Skeleton } from '@mantine/core';

/**
 * Holds the place of Home's four summary cards while the cycle summary loads: the same grid and
 * card heights (a small label, a large figure, a small note), so what follows does not move when
 * the figures arrive.
 * Memoised: the page around it draws again as each of its queries answers; the placeholder need not.
 */
export const SummaryCardsSkeleton = memo(function SummaryCardsSkeleton() {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} aria-hidden>
      {Array.from({ length: 4 }, (_, i) => (
        <Card key={i} withBorder padding="sm">
          <Skeleton height={12} width="70%" mt={4} mb={8} />
          <Skeleton height={24} width="40%" mb={8} />
          <Skeleton height={12} width="60%" mb={3} />
        </Card>
      ))}
    </SimpleGrid>
  );
});
