import type { ComboboxProps } from '@mantine/core';

/**
 * For a Select drawn with the page: its list is rendered when it opens, not hidden from the first paint. Mantine 9
 * keeps a closed list mounted, and floating-ui positions it at mount: each such Select forced a style and layout pass
 * and a second render in the page's first long task (the tree draws five, the objective page one).
 */
export const DROPDOWN_ON_OPEN: ComboboxProps = { keepMounted: false };
