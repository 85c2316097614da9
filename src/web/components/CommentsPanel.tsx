import type { Me } from '../api/types.js';

/** Placeholder for comments on an objective, key result or check-in (issue 5 work fills it in). */
export function CommentsPanel(_props: { targetType: 'objective' | 'key_result' | 'check_in'; targetId: string; me: Me }) {
  return null;
}
