/** The events an endpoint may subscribe to (docs/webhooks.md); `webhook.test` is sent on request only. */
export const WEBHOOK_EVENTS = [
  'check_in.created',
  'check_in.corrected',
  'objective.published',
  'objective.status_changed',
  'key_result.target_reached',
  'blocker.raised',
  'cycle.phase_changed',
  'cycle.closed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const TEST_EVENT = 'webhook.test';

/** What an activity row says about a change: enough to tell which events it is. */
export interface ActivityFacts {
  action: string;
  before?: unknown;
  after?: unknown;
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

const hasText = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

/** A check-in's blockers that are new: written now, and not the same words as before the correction. */
const raisesBlocker = (facts: ActivityFacts) => {
  const now = field(facts.after, 'blockers');
  return (
    hasText(now) && (facts.action === 'check_in.created' || (now as string).trim() !== String(field(facts.before, 'blockers') ?? '').trim())
  );
};

/** An objective's lifecycle status before and after, when the activity changed it. */
export function objectiveStatusChange(facts: ActivityFacts): { from: string; to: string } | null {
  const to = field(facts.after, 'status');
  if (typeof to !== 'string') return null;
  const from = field(facts.before, 'status');
  if (facts.action === 'objective.created') return to === 'draft' ? null : { from: 'draft', to };
  if (typeof from !== 'string' || from === to) return null;
  return { from, to };
}

/**
 * The webhook events an activity is: one central reading of the activity log, so services that
 * record activities need not know about webhooks. Pure: the caller loads the resource to send.
 */
export function webhookEventsOf(facts: ActivityFacts): WebhookEvent[] {
  switch (facts.action) {
    case 'check_in.created':
    case 'check_in.corrected':
      return [facts.action, ...(raisesBlocker(facts) ? (['blocker.raised'] as const) : [])];
    case 'key_result.target-reached':
      return ['key_result.target_reached'];
    case 'cycle.phase_changed':
      return ['cycle.phase_changed'];
    case 'cycle.closed':
      return ['cycle.closed'];
    case 'objective.created':
    case 'objective.updated':
    case 'objective.closed': {
      const change = objectiveStatusChange(facts);
      if (!change) return [];
      const published = change.from === 'draft' && change.to === 'active';
      return facts.action === 'objective.created'
        ? published
          ? ['objective.published']
          : []
        : published
          ? ['objective.published', 'objective.status_changed']
          : ['objective.status_changed'];
    }
    default:
      return [];
  }
}
