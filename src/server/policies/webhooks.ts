import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { runsProgramme } from './roles.js';

/** Event webhooks send the organisation's OKR news to other systems: those who run the programme manage them. */
export const mayManageWebhooks = (actor: Actor) => runsProgramme(actor);

export function authorizeWebhooks(actor: Actor): void {
  if (!mayManageWebhooks(actor)) throw forbidden('Only an owner, admin or champion can manage webhooks.');
}
