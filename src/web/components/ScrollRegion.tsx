import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone. Its scrolling viewport takes the keyboard focus and is
 * named, so a keyboard user can scroll it even when no cell holds a link (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': `${label}, scrollable` } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
