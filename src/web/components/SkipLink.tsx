import { useState, type CSSProperties } from 'react';

const HIDDEN: CSSProperties = { position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' };
const SHOWN: CSSProperties = {
  position: 'fixed',
  left: 8,
  top: 8,
  zIndex: 1000,
  padding: '8px 12px',
  background: 'white',
  color: '#0b5d4b',
  border: '2px solid #0b5d4b',
  borderRadius: 4,
  fontWeight: 600,
};

/**
 * The first stop of the keyboard: jumps past the header and navigation to the page's content.
 * Hidden until focused, then shown above everything.
 */
export function SkipLink({ target }: { target: string }) {
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${target}`}
      style={focused ? SHOWN : HIDDEN}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        // The router owns the address: move focus without changing the URL.
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
