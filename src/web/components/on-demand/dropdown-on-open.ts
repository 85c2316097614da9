import type { ComboboxProps } from '@mantine/core';
import { useState } from 'react';

const ON_OPEN: ComboboxProps = { keepMounted: false };
const MOUNTED: ComboboxProps = { keepMounted: true };

/**
 * Props for a Select drawn with the page: its list is not rendered until a pointer comes over it or it gets focus.
 * Mantine 9 keeps a closed list mounted (hidden) and floating-ui positions it at mount: each such Select forced a
 * style and layout pass and a second render in the page's first long task (the tree's team and owner filters, the comment
 * box's mention list). Mounted from the first pointer or focus on, before any key or click, so the keyboard behaves as before (the
 * first ArrowDown opens the list with its first option active, which needs the options in the DOM).
 */
export function useListOnDemand(onFocus?: () => void) {
  const [armed, setArmed] = useState(false);
  return {
    comboboxProps: armed ? MOUNTED : ON_OPEN,
    onPointerEnter: () => setArmed(true),
    onFocus: () => {
      setArmed(true);
      onFocus?.();
    },
  };
}
