import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { socialKeys } from '../../api/social.js';

/** Mark one or all of my notifications read, then refresh the bell and the list. */
export function useNotificationActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: socialKeys.notifications });
  return {
    markRead: async (id: string) => {
      await api(`/api/v1/notifications/${id}/read`, { method: 'POST' });
      await refresh();
    },
    markAllRead: async () => {
      await api('/api/v1/notifications/read-all', { method: 'POST' });
      await refresh();
    },
  };
}
