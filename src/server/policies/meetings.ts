import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { isAdmin } from './roles.js';

/** What the services know about a meeting when they decide. */
export interface MeetingFacts {
  audience: 'team' | 'department' | 'company' | 'pair';
  participantIds: readonly string[];
}

const takesPart = (actor: Actor, meeting: MeetingFacts) => meeting.participantIds.includes(actor.userId);

/** A one-on-one is private to its two people; any other meeting is open to the organisation to read. */
export const mayViewMeeting = (actor: Actor, meeting: MeetingFacts) => meeting.audience !== 'pair' || takesPart(actor, meeting);

/** Notes, decisions and actions are the participants' (and, outside one-on-ones, an admin's who chairs). */
export const mayRunMeeting = (actor: Actor, meeting: MeetingFacts) =>
  takesPart(actor, meeting) || (meeting.audience !== 'pair' && isAdmin(actor));

/** Only a participant posts their own asynchronous part. */
export const mayPostUpdate = (actor: Actor, meeting: MeetingFacts) => takesPart(actor, meeting);

/** Anyone may schedule a meeting they take part in (checked against the participants given). */
export const mayScheduleMeeting = (actor: Actor, participantIds: readonly string[]) =>
  isAdmin(actor) || participantIds.includes(actor.userId);

export function meetingAbilities(actor: Actor, meeting: MeetingFacts) {
  return { run: mayRunMeeting(actor, meeting), postUpdate: mayPostUpdate(actor, meeting) };
}

/** 403 naming what the caller lacks: they are not among the participants. */
export function authorizeMeeting(allowed: boolean, message: string): void {
  if (!allowed) throw new AppError('forbidden', message, [{ field: 'participants', message }]);
}
