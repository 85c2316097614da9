import { Suspense, useState } from 'react';
import type { Me } from '../../api/types.js';
import { lazyNamed } from '../../routing/lazy-named.js';
import { UserMenuTrigger } from './UserMenuTrigger.js';

// The menu and its positioning library (floating-ui) are fetched on the first press, not on every first visit.
const loadUserMenu = () => import('./UserMenu.js');
const UserMenu = lazyNamed(loadUserMenu, 'UserMenu');

/**
 * The user menu's button. The first press loads the menu, which then opens; a pointer resting on the
 * button or the keyboard's focus starts the download a moment earlier.
 */
export function UserMenuOnDemand({ me }: { me: Me }) {
  const [wanted, setWanted] = useState(false);
  const placeholder = (
    <UserMenuTrigger
      me={me}
      aria-expanded={false}
      onClick={() => setWanted(true)}
      onPointerEnter={() => void loadUserMenu()}
      onFocus={() => void loadUserMenu()}
    />
  );
  if (!wanted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <UserMenu me={me} />
    </Suspense>
  );
}
