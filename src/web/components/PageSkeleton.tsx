import { memo } from 'react';
import { Skeleton, Stack } from '@mantine/core';

/**
 * Shown while a page's chunk or first data loads: a title line and a few card-sized blocks, so the
 * content that replaces it lands where the skeleton was instead of pushing the page down.
 * Memoised: the page around it draws again as each of its queries answers; the placeholder need not.
 */
export const PageSkeleton = memo(function PageSkeleton({ cards = 3 }: { cards?: number }) {
  return (
    <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading">
      <Stack gap={6}>
        <Skeleton height={32} width="40%" radius="sm" />
        <Skeleton height={16} width="25%" radius="sm" />
      </Stack>
      {Array.from({ length: cards }, (_, i) => (
        <Skeleton key={i} height={120} radius="md" />
      ))}
    </Stack>
  );
});
