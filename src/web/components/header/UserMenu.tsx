import { Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import type { Me } from '../../api/types.js';
import { UserMenuTrigger } from './UserMenuTrigger.js';

/** The user menu (profile, tokens, sign out). Loaded on the first press of its button: see `UserMenuOnDemand`. */
export function UserMenu({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const signOut = async () => {
    await api('/api/auth/sign-out', { method: 'POST', body: {} });
    queryClient.clear();
    window.location.assign('/');
  };
  return (
    <Menu position="bottom-end" withinPortal defaultOpened>
      <Menu.Target>
        <UserMenuTrigger me={me} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.email} · {me.user.role}
        </Menu.Label>
        <Menu.Item component={Link} to="/settings/profile">
          Your profile
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/tokens">
          API tokens
        </Menu.Item>
        <Menu.Item color="red" onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
