import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { statementsOf } from '../support/statements.js';
import { API, percent, useOkrWorld } from './support.js';

/*
 * How many SQL statements one check-in costs, from the request to the answer (authentication,
 * BEGIN/COMMIT and the advisory lock included). Counted on PostgreSQL, where every statement goes
 * through pg.Client#query; docs/performance.md keeps the numbers.
 */
// 11 since whether a key result is driven by its initiatives (they refuse hand check-ins) comes with the key result's load
// (12 while it was a read of its own; 13 while a check-in's subscribed webhook endpoints were read on every check-in; 12 again since they come back with the
// activity's insert, and the progress-status comparison rides on the roll-up's own read and update: docs/webhooks.md.)
const STATEMENTS_PER_CHECK_IN = 11;

describeEachEngine('statements per check-in', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it(`costs at most ${STATEMENTS_PER_CHECK_IN} statements on PostgreSQL`, async ({ skip }) => {
    if (engine().kind !== 'postgres') skip('counted through node-postgres');
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Revenue'));
    const statements = await statementsOf(async () =>
      expectStatus(await t.w.owner.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 40 }), 201),
    );
    console.log(`statements for one check-in: ${statements.length}\n${statements.map((s) => `  ${s.slice(0, 110)}`).join('\n')}`);
    expect(statements.length).toBeLessThanOrEqual(STATEMENTS_PER_CHECK_IN);
  });
});
