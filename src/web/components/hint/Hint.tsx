import type { ReactNode } from 'react';
import './hint.css';

/**
 * A short explanation shown above `children` on hover, for pointer users. It is not announced: the element it
 * explains must carry the same words in its own accessible name or description.
 */
export function Hint({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="cairn-hint" data-hint={label}>
      {children}
    </span>
  );
}
