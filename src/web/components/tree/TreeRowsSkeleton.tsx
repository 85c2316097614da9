import { memo } from 'react';
import { Box, Skeleton, VisuallyHidden } from '@mantine/core';

/**
 * Stands where the tree's first rows will be while they load: rows of the tree's own height (8 px above
 * and below, a two-line title block, a border), so the rows arrive in place.
 * Memoised: the page around it draws again as each of its queries answers; the placeholder need not.
 */
export const TreeRowsSkeleton = memo(function TreeRowsSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <Box component="div" aria-busy="true" role="status">
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        <Box key={i} py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} aria-hidden>
          <Skeleton height={18} width={`${60 - (i % 3) * 10}%`} mb={4} ml={i < 2 ? 40 : 64} />
          <Skeleton height={14} width="30%" ml={i < 2 ? 40 : 64} />
        </Box>
      ))}
    </Box>
  );
});
