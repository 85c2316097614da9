import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { ApiToken, Invitation, Me, Team, TeamMember, User } from './types.js';

export const keys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  users: ['users'] as const,
  teams: ['teams'] as const,
  members: (teamId: string) => ['teams', teamId, 'members'] as const,
  invitations: ['invitations'] as const,
  tokens: ['tokens'] as const,
};

export const useSetupStatus = () => useQuery({ queryKey: keys.setup, queryFn: () => api<{ needed: boolean }>('/api/v1/setup') });
export const useMe = (enabled = true) => useQuery({ queryKey: keys.me, queryFn: () => api<Me>('/api/v1/me'), retry: false, enabled });
// `enabled` false: a picker asks for the lists only once it is opened (pages show the names the API presents).
export const useUsers = (enabled = true) => useQuery({ queryKey: keys.users, queryFn: () => api<User[]>('/api/v1/users'), enabled });
export const useTeams = (enabled = true) => useQuery({ queryKey: keys.teams, queryFn: () => api<Team[]>('/api/v1/teams'), enabled });
export const useMembers = (teamId: string) =>
  useQuery({ queryKey: keys.members(teamId), queryFn: () => api<TeamMember[]>(`/api/v1/teams/${teamId}/members`) });
export const useInvitations = (enabled: boolean) =>
  useQuery({ queryKey: keys.invitations, queryFn: () => api<Invitation[]>('/api/v1/invitations'), enabled });
export const useTokens = () => useQuery({ queryKey: keys.tokens, queryFn: () => api<ApiToken[]>('/api/v1/tokens') });

/** A mutation that refreshes the given queries when it succeeds. */
export function useApiMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>, invalidate: readonly (readonly unknown[])[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
