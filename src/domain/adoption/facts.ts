/**
 * What the adoption figures are computed from: plain facts about one group (a team, a department with its
 * sub-teams, the teams a leader leads, the organisation), loaded by the service and counted here.
 */
import type { IsoDate } from '../dates.js';

export interface MemberFact {
  readonly userId: string;
  /** The day they joined the group: they count from the week holding it. */
  readonly joinedOn: IsoDate;
}

/** A published objective of the group (drafts and archived objectives never count). */
export interface ObjectiveFact {
  readonly id: string;
  /** Its owner, contributors and key-result owners: everyone involved in it. */
  readonly involvedIds: readonly string[];
  /** The first day it was live: its effective start (the day it was published), else its cycle's start. */
  readonly liveFrom: IsoDate;
  /** Its cycle's last day. */
  readonly liveTo: IsoDate;
  /** The quality coach's score (0–100), when known. */
  readonly qualityScore: number | null;
}

/** A key result of a published objective: it is due every `cadenceDays` from `start` up to `end`. */
export interface KeyResultFact {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly cadenceDays: number;
  readonly checkInDates: readonly IsoDate[];
}

/** A blocker raised in a check-in, and when someone other than its author first answered it (ms since epoch). */
export interface BlockerFact {
  readonly raisedAt: number;
  readonly answeredAt: number | null;
}

/** Something expected once a cycle ends (a key result's review score, a team's retrospective) and when it was done. */
export interface CloseOutFact {
  readonly cycleEnd: IsoDate;
  readonly doneOn: IsoDate | null;
}

export interface GroupFacts {
  readonly members: readonly MemberFact[];
  readonly objectives: readonly ObjectiveFact[];
  readonly keyResults: readonly KeyResultFact[];
  readonly blockers: readonly BlockerFact[];
  /** The day of each comment on the group's objectives, their key results and check-ins. */
  readonly commentDates: readonly IsoDate[];
  readonly reviews: readonly CloseOutFact[];
  readonly retrospectives: readonly CloseOutFact[];
  /** Minutes of active use on planning and check-in screens, summed per week (named by its Monday). */
  readonly minutesByWeek: ReadonlyMap<IsoDate, number>;
}

export const NO_FACTS: GroupFacts = Object.freeze({
  members: [],
  objectives: [],
  keyResults: [],
  blockers: [],
  commentDates: [],
  reviews: [],
  retrospectives: [],
  minutesByWeek: new Map<IsoDate, number>(),
});

/** Several groups' facts as one group (a department, a leader's teams): a person in two teams counts once. */
export function mergeFacts(groups: readonly GroupFacts[]): GroupFacts {
  const members = new Map<string, MemberFact>();
  const minutes = new Map<IsoDate, number>();
  for (const g of groups) {
    for (const m of g.members) {
      const known = members.get(m.userId);
      if (!known || m.joinedOn < known.joinedOn) members.set(m.userId, m);
    }
    for (const [week, n] of g.minutesByWeek) minutes.set(week, (minutes.get(week) ?? 0) + n);
  }
  return {
    members: [...members.values()],
    objectives: groups.flatMap((g) => g.objectives),
    keyResults: groups.flatMap((g) => g.keyResults),
    blockers: groups.flatMap((g) => g.blockers),
    commentDates: groups.flatMap((g) => g.commentDates),
    reviews: groups.flatMap((g) => g.reviews),
    retrospectives: groups.flatMap((g) => g.retrospectives),
    minutesByWeek: minutes,
  };
}
