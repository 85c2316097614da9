import { api } from './client.js';
import type { CheckIn } from './okr-types.js';

/** Deleting and archiving OKR things, teams and cycles; each page refreshes what shows them afterwards. */
export const removals = {
  deleteObjective: (id: string) => api<void>(`/api/v1/objectives/${id}`, { method: 'DELETE' }),
  archiveObjective: (id: string, archived: boolean) =>
    api<void>(`/api/v1/objectives/${id}`, { method: 'PATCH', body: { status: archived ? 'archived' : 'active' } }),
  deleteKeyResult: (id: string) => api<void>(`/api/v1/key-results/${id}`, { method: 'DELETE' }),
  deleteCheckIn: (id: string) => api<void>(`/api/v1/check-ins/${id}`, { method: 'DELETE' }),
  deleteTeam: (id: string) => api<void>(`/api/v1/teams/${id}`, { method: 'DELETE' }),
  deleteCycle: (id: string) => api<void>(`/api/v1/cycles/${id}`, { method: 'DELETE' }),
  archiveCycle: (id: string, archived: boolean) => api<void>(`/api/v1/cycles/${id}`, { method: 'PATCH', body: { archived } }),
};

/** How many check-ins these key results hold: what a confirmation says goes with them. */
export async function countCheckIns(keyResultIds: readonly string[]): Promise<number> {
  const lists = await Promise.all(keyResultIds.map((id) => api<CheckIn[]>(`/api/v1/key-results/${id}/check-ins`)));
  return lists.reduce((sum, list) => sum + list.length, 0);
}

/** "3 key results and 14 check-ins", "1 check-in", or "" when nothing goes with it. */
export function whatGoesWith(counts: { keyResults?: number; checkIns?: number; objectives?: number; members?: number }): string {
  const words: [number | undefined, string][] = [
    [counts.objectives, 'draft objective'],
    [counts.keyResults, 'key result'],
    [counts.checkIns, 'check-in'],
    [counts.members, 'membership'],
  ];
  const parts = words.filter(([n]) => n !== undefined && n > 0).map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
