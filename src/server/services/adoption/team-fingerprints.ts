import { createHash } from 'node:crypto';
import type { AdoptionClock, Week } from '../../../domain/adoption/index.js';
import { teamIdOfKey } from './kept-facts.js';
import type { TeamInputs } from './team-counts.js';

/**
 * Per team, a digest of everything its counts are made from, so a group's figures can be remembered under its teams'
 * digests (remembered-figures.ts):
 * - each kept (team, cycle) row's token, which a write to anything its facts count replaces (the triggers of
 *   adoption_team_facts), with the cycle's end and the time the facts were counted at (`n`: blockers decided by then);
 * - how many of its pending blockers have had their time to answer run out by the clock's `now`: the one way the time
 *   of day changes the counts (pending blockers are kept with their raising time, so for the same facts the count
 *   names which of them are decided);
 * - its members with the day they joined (memberships carry no token), and its minutes per week.
 * Everything common to all teams (the weeks, the day, the rhythm's timeframes) is in `baseKey`. Each fingerprint is the
 * team's id and the digest, one line, as `groupKey` joins them.
 */
export function teamFingerprints(inputs: TeamInputs, clock: AdoptionClock): Map<string, string> {
  // One text per team, in the order the rows were read: the same rows give the same text (a different order of the
  // same rows only gives a new key, never a wrong answer).
  const texts = new Map<string, string>();
  const append = (teamId: string, line: string) => texts.set(teamId, (texts.get(teamId) ?? '') + line);
  const limit = clock.answerWithinHours * 3_600_000;
  for (const row of inputs.kept) {
    let decided = 0;
    for (const [, , , pending] of row.facts.b ?? []) for (const raisedAt of pending) if (raisedAt + limit <= clock.now) decided += 1;
    append(teamIdOfKey(row.team_key), `k ${row.cycle_id} ${row.token} ${row.cycle_end} ${row.facts.n} ${decided}\n`);
  }
  for (const m of inputs.members) append(m.team_id, `m ${m.user_id} ${m.joined_on}\n`);
  for (const m of inputs.minutes) append(m.team_id, `t ${m.week_start} ${m.minutes}\n`);
  const fingerprints = new Map<string, string>();
  for (const [teamId, text] of texts) fingerprints.set(teamId, `${teamId} ${digest(text)}\n`);
  return fingerprints;
}

/** The key a group's weeks are remembered under: the common part and each of its teams' fingerprints, in order. */
export function groupKey(base: string, fingerprints: ReadonlyMap<string, string>, teamIds: readonly string[]): string {
  const hash = createHash('sha1').update(base);
  for (const id of teamIds) hash.update(fingerprints.get(id) ?? `${id} -\n`);
  return hash.digest('base64');
}

/** What every team's counts share: the organisation, the weeks, the day and the rhythm's timeframes. */
export const baseKey = (orgId: string, weeks: readonly Week[], clock: AdoptionClock) =>
  `${orgId} ${weeks[0]?.start ?? ''} ${weeks.at(-1)?.end ?? ''} ${clock.today} ${clock.graceDays} ${clock.answerWithinHours}`;

export const digest = (text: string) => createHash('sha1').update(text).digest('base64');
