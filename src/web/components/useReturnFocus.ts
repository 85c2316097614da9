import { useEffect, useState } from 'react';

/**
 * For a dialog drawn only while open: Mantine returns focus when a Modal closes, not when it is unmounted.
 * Remembers what had focus when the dialog appeared (the button that opened it) and focuses it again
 * when the dialog goes, if it is still on the page.
 */
export function useReturnFocus(): void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (!opener) return;
      // After the dialog's own focus trap has let go.
      window.setTimeout(() => {
        if (opener.isConnected) opener.focus();
      }, 0);
    },
    [opener],
  );
}
