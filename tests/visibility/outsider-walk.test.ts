import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { useOkrWorld } from '../okrs/support.js';
import { addPrivateObjective, SECRETS, setUpVisibilityWorld, type VisibilityWorld } from './support.js';
import { getOperations, urlsOf, walk, type WalkIds } from './walk.js';

/** Stand-ins for the private rows' ids in the walk made before they exist. */
const STAND_IN = {
  objective: '00000000-0000-4000-8000-0000000000a1',
  kr: '00000000-0000-4000-8000-0000000000a2',
  checkIn: '00000000-0000-4000-8000-0000000000a3',
  comment: '00000000-0000-4000-8000-0000000000a4',
};

function idsFor(w: VisibilityWorld, hidden: typeof STAND_IN, calendarToken: string): WalkIds {
  const everything = [w.cycle.id, w.sales.id, w.research.id, w.publicObjective.id, w.publicKr.id, ...Object.values(hidden)];
  return {
    byResource: {
      cycles: [w.cycle.id],
      objectives: [hidden.objective, w.publicObjective.id],
      'key-results': [hidden.kr, w.publicKr.id],
      'check-ins': [hidden.checkIn],
      comments: [hidden.comment],
      teams: [w.research.id, w.sales.id],
      users: [w.grace.user.id, w.oscar.user.id, w.owner.user.id],
      calendar: [calendarToken],
      '*': everything,
    },
    query: {
      cycleId: w.cycle.id,
      teamId: w.research.id,
      focusTeamId: w.research.id,
      objectiveId: hidden.objective,
      rootId: hidden.objective,
      parent: w.publicObjective.id,
      targetType: 'objective',
      targetId: hidden.objective,
      q: 'Quetzal',
      ownerId: w.grace.user.id,
      involves: w.grace.user.id,
      personId: w.grace.user.id,
      keyResults: 'true',
      depth: '5',
      mine: 'false',
      format: 'csv',
      from: '2025-01-01',
      to: '2025-03-31',
      limit: '100',
    },
  };
}

/**
 * Reads that do not apply the visibility rule yet (docs/visibility.md, "Known limits"). The test fails when one of
 * them stops leaking — take it off this list — and on any leak of a read not on it.
 */
const KNOWN_GAPS: string[] = [];

describeEachEngine('an outsider walking every read endpoint', (engine) => {
  const t = useOkrWorld(engine, '2025-02-10');

  it('finds nothing of a private objective: no title, id, key result, note, count or snippet', { timeout: 600_000 }, async () => {
    const w = await setUpVisibilityWorld(t.w);
    const feed = await w.oscar.client.get('/api/v1/me/calendar-feed');
    expectStatus(feed, 200);
    const calendarToken = String(feed.body.url).split('/').pop()!;
    const operations = await getOperations(w.oscar.client);
    expect(operations.length).toBeGreaterThan(60);
    const before = await walk(
      w.oscar.client,
      operations.flatMap((o) => urlsOf(o, idsFor(w, STAND_IN, calendarToken))),
    );

    const hidden = await addPrivateObjective(w);
    const real = { objective: hidden.objective.id, kr: hidden.kr.id, checkIn: hidden.checkInId, comment: hidden.commentId };
    const operationOf = new Map(operations.flatMap((o) => urlsOf(o, idsFor(w, real, calendarToken)).map((url) => [url, o.path] as const)));
    const after = await walk(w.oscar.client, [...operationOf.keys()]);

    const standIn = (text: string) =>
      Object.entries(real).reduce((s, [key, id]) => s.replaceAll(id, STAND_IN[key as keyof typeof STAND_IN]), text);
    const leaks: string[] = [];
    const gapsSeen = new Set<string>();
    for (const [url, answer] of after) {
      const operation = operationOf.get(url)!;
      const leaked =
        answer !== undefined &&
        ([...SECRETS, ...Object.values(real)].some((n) => answer.includes(n)) || before.get(standIn(url)) !== standIn(answer));
      if (KNOWN_GAPS.includes(operation)) {
        if (leaked) gapsSeen.add(operation);
        continue;
      }
      const found = [...SECRETS, ...Object.values(real)].filter((needle) => answer.includes(needle));
      if (found.length > 0) leaks.push(`${standIn(url)} shows ${found.join(', ')}: ${answer.slice(0, 300)}`);
      else if (before.get(standIn(url)) !== standIn(answer))
        leaks.push(
          `${standIn(url)} changed:\n  before ${before.get(standIn(url))?.slice(0, 400)}\n  after  ${standIn(answer).slice(0, 400)}`,
        );
    }
    expect(leaks).toEqual([]);
    expect([...gapsSeen].sort(), 'a known gap no longer leaks: take it off KNOWN_GAPS').toEqual([...KNOWN_GAPS].sort());
    // The walk reached the reads: most answered 200, and the private objective itself is not found.
    expect([...after.values()].filter((a) => a.startsWith('200')).length).toBeGreaterThan(60);
    expect(after.get(`/api/v1/objectives/${real.objective}`)).toMatch(/^404/);
  });
});
