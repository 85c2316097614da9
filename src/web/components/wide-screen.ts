import { useMediaQuery } from '@mantine/hooks';

/** Mantine's `sm` breakpoint: below it the navigation is a drawer and pages put their secondary controls away. */
export const WIDE_SCREEN = '(min-width: 48em)';

/**
 * Whether the screen is at least `sm` wide, read at once (no first render as narrow, then wide), so a desktop never
 * flashes a phone's layout.
 */
export const useWideScreen = (): boolean => useMediaQuery(WIDE_SCREEN, undefined, { getInitialValueInEffect: false });
