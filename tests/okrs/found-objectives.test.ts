import { expect, it } from 'vitest';
import { useNamedStatements } from '../../src/db/prepared-statements.js';
import type { Actor } from '../../src/server/auth/actor.js';
import { findObjectives, type ObjectiveFilters } from '../../src/server/services/okrs/find-objectives.js';
import { presentObjectivesPage } from '../../src/server/services/okrs/objectives-page.js';
import { presentObjectives } from '../../src/server/services/okrs/read-model.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam } from '../support/fixtures.js';
import { statementsOf } from '../support/statements.js';
import { addDays, percent, useOkrWorld } from './support.js';

/*
 * A team's page finds its objectives inside the statement that reads what presenting them needs (issue 12: one round
 * trip). It must answer exactly what finding them first and presenting the rows answers: for an admin and for a
 * member who may not see everything, on a shared list, on time travel, and for an empty list.
 */
describeEachEngine('objectives found and presented in one statement', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('answers what finding, then presenting, answers', async () => {
    const { w } = t;
    const team = await createTeam(w.owner.client, { name: 'Found Team' });
    const other = await createTeam(w.owner.client, { name: 'Other Team' });
    const member = await addPerson(w.owner.client, { name: 'Mia Member', teamId: other.id });
    const parent = await w.api.createPublished({ cycleId: w.cycle.id, title: 'Company grows' });
    const parentKr = await w.api.createKeyResult(parent.id, percent('Revenue'));
    const shipped = await w.api.createPublished({ cycleId: w.cycle.id, title: 'Found Team ships', teamId: team.id });
    const kr = await w.api.createKeyResult(shipped.id, percent('Shipped'));
    await w.api.checkIn(kr.id, { value: 40, asOf: '2025-02-10', confidence: 7 });
    await w.api.align(shipped.id, { parentKeyResultId: parentKr.id });
    await w.api.createPublished({ cycleId: w.cycle.id, title: 'Found Team, privately', teamId: team.id, visibility: 'private' });
    await w.api.createPublished({
      cycleId: w.cycle.id,
      title: 'Shared with Found Team',
      teamId: other.id,
      contributors: [{ teamId: team.id }],
    });
    await w.api.createObjective({ cycleId: w.cycle.id, title: 'A draft of Found Team', teamId: team.id });

    const db = engine().handle.db;
    const admin: Actor = { userId: w.owner.user.id, orgId: w.orgId, role: 'owner', name: 'Owner', email: 'o@example.com', via: 'session' };
    const reader: Actor = { ...admin, userId: member.user.id, role: 'member', name: 'Mia Member' };
    const now = new Date('2025-02-15T12:00:00Z');
    const cases: [Actor, ObjectiveFilters, string | undefined][] = [
      [admin, { cycleId: w.cycle.id, teamId: team.id }, undefined],
      [reader, { cycleId: w.cycle.id, teamId: team.id }, undefined],
      [reader, { cycleId: w.cycle.id, teamId: team.id, shared: 'true' }, undefined],
      [admin, { cycleId: w.cycle.id }, addDays('2025-02-15', -10)],
      [admin, { cycleId: w.cycle.id, teamId: team.id, status: 'archived' }, undefined],
      // Each shape of the statement (kept once built): the other filters, and a second reader of a kept shape.
      [admin, { cycleId: w.cycle.id, ownerId: w.owner.user.id }, undefined],
      [reader, { cycleId: w.cycle.id, involves: w.owner.user.id }, undefined],
      [admin, { cycleId: w.cycle.id, parent: 'none' }, undefined],
      [reader, { cycleId: w.cycle.id, parent: parent.id }, undefined],
      [{ ...reader, userId: w.owner.user.id }, { cycleId: w.cycle.id, teamId: team.id }, undefined],
    ];
    for (const [actor, filters, asOf] of cases) {
      const twoSteps = await presentObjectives(db, actor, await findObjectives(db, actor, filters), { now, asOf });
      const oneStatement = await presentObjectivesPage(db, actor, filters, { now, asOf });
      expect(oneStatement, JSON.stringify({ actor: actor.name, filters, asOf })).toEqual(twoSteps);
    }
    const [adminPage, memberPage] = await Promise.all(
      [admin, reader].map((actor) => presentObjectivesPage(db, actor, { cycleId: w.cycle.id, teamId: team.id }, { now })),
    );
    expect(adminPage!.map((o) => o.title)).toEqual(['Found Team ships', 'Found Team, privately', 'A draft of Found Team']);
    expect(memberPage!.map((o) => o.title)).toEqual(['Found Team ships']);
    expect(memberPage![0]).toMatchObject({ teamName: 'Found Team', parents: [{ title: 'Revenue', objectiveId: parent.id }] });
    expect(memberPage![0]!.keyResults[0]).toMatchObject({ currentValue: 40, confidence: 7, ownerName: 'Olivia Owner' });
  });

  it('sends the page as one named statement, the same for every team', async ({ skip }) => {
    if (engine().kind !== 'postgres') skip('named statements are a node-postgres feature (PGlite ignores the name)');
    const { w } = t;
    const db = engine().handle.db;
    const admin: Actor = { userId: w.owner.user.id, orgId: w.orgId, role: 'owner', name: 'Owner', email: 'o@example.com', via: 'session' };
    const names: unknown[] = [];
    for (const title of ['One', 'Two']) {
      const team = await createTeam(w.owner.client, { name: `${title} Team` });
      await w.api.createPublished({ cycleId: w.cycle.id, title: `${title} ships`, teamId: team.id });
      const sent = await statementsOf(
        () => presentObjectivesPage(db, admin, { cycleId: w.cycle.id, teamId: team.id }, { now: new Date() }),
        (config) => names.push(config.name),
      );
      expect(sent).toHaveLength(1);
    }
    expect(names[0]).toMatch(/^cairn_[0-9a-f]{20}$/);
    expect(names[1]).toBe(names[0]);
    // Behind a pooler that cannot keep them (CAIRN_DB_NAMED_STATEMENTS=false), the same page goes unnamed.
    useNamedStatements(false);
    try {
      const unnamed: unknown[] = [];
      await statementsOf(
        () => presentObjectivesPage(db, admin, { cycleId: w.cycle.id }, { now: new Date() }),
        (config) => unnamed.push(config.name),
      );
      expect(unnamed).toEqual([undefined]);
    } finally {
      useNamedStatements(true);
    }
  });
});
