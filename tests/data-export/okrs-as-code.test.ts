import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { alignments, keyResults, objectives } from '../../src/db/schema/index.js';
import { AppError } from '../../src/server/errors.js';
import { createLocalBus } from '../../src/server/events/bus.js';
import { applyOkrs, previewOkrs } from '../../src/server/services/okrs-as-code/apply-okrs.js';
import { exportOkrs } from '../../src/server/services/okrs-as-code/export-okrs.js';
import { readOkrYaml } from '../../src/server/services/okrs-as-code/okr-yaml.js';
import { importingActor } from '../../src/cli/commands/import.js';
import { stringify } from 'yaml';
import { describeEachEngine } from '../support/engines.js';
import { expectRollupsConsistent, Q1, useOkrWorld } from '../okrs/support.js';

const DAY = '2025-02-10';

describeEachEngine('OKRs as code: export, diff and apply', (engine) => {
  const t = useOkrWorld(engine, DAY);
  const services = async () => {
    const db = engine().handle.db;
    return { deps: { db, events: createLocalBus(), clock: t.clock.now }, actor: await importingActor(db, t.w.owner.user.email) };
  };

  /** A company objective with two key results and a team objective aligned under it, made in the browser's API. */
  async function plant() {
    const grow = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Grow the business', effectiveStartDate: null });
    const revenue = await t.w.api.createKeyResult(grow.id, {
      title: 'Revenue from 1 to 2 M',
      kind: 'metric',
      startValue: 1,
      targetValue: 2,
      unit: 'M€',
      effectiveStartDate: null,
    });
    await t.w.api.createKeyResult(grow.id, {
      title: 'Launch in Spain',
      kind: 'milestone',
      milestones: [
        { title: 'Office', weight: 1 },
        { title: 'Team', weight: 1 },
      ],
      effectiveStartDate: null,
    });
    await t.w.api.checkIn(revenue.id, { value: 1.5, asOf: DAY });
    const sell = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Sell to the mid-market', effectiveStartDate: null });
    await t.w.api.createKeyResult(sell.id, {
      title: 'Ten new mid-market customers',
      kind: 'metric',
      startValue: 0,
      targetValue: 10,
      effectiveStartDate: null,
    });
    await t.w.api.align(sell.id, { parentKeyResultId: revenue.id });
    return { grow, sell, revenue };
  }

  it('exports a cycle with stable keys that applying again leaves unchanged', async () => {
    const { grow } = await plant();
    const { deps, actor } = await services();
    const document = await exportOkrs(deps, actor, Q1.name);
    expect(document.cycle).toEqual({ name: Q1.name, start: Q1.startDate, end: Q1.endDate });
    expect(document.objectives.map((o) => [o.key, o.alignsTo])).toEqual([
      ['grow-the-business', []],
      ['sell-to-the-mid-market', ['grow-the-business.kr1']],
    ]);
    expect(document.objectives[0]!.keyResults).toEqual([
      {
        key: 'grow-the-business.kr1',
        title: 'Revenue from 1 to 2 M',
        owner: t.w.owner.user.email,
        kind: 'metric',
        unit: 'M€',
        start: 1,
        target: 2,
        current: 1.5,
      },
      {
        key: 'grow-the-business.kr2',
        title: 'Launch in Spain',
        owner: t.w.owner.user.email,
        kind: 'milestone',
        milestones: ['Office', 'Team'],
      },
    ]);
    // Through YAML text and back, as a file in git would go.
    const again = readOkrYaml(stringify(document));
    const diff = (await previewOkrs(deps, actor, again)).diff;
    expect(diff).toEqual({ added: [], changed: [], removed: [], unchanged: 5 });
    // A second export keeps the keys it gave (they are recorded), even after a title changes.
    await t.w.api.patchObjective(grow.id, { title: 'Grow the company' });
    expect((await exportOkrs(deps, actor, Q1.name)).objectives[0]!.key).toBe('grow-the-business');
  });

  it('prints added, changed (field by field) and removed, then applies exactly that in one transaction', async () => {
    const { sell, revenue } = await plant();
    const { deps, actor } = await services();
    const document = await exportOkrs(deps, actor, Q1.name);
    const [grow] = document.objectives;
    grow!.title = 'Grow the company';
    grow!.keyResults[0]!.target = 3;
    grow!.keyResults.pop(); // Launch in Spain
    document.objectives.pop(); // Sell to the mid-market
    document.objectives.push({
      key: 'retain',
      title: 'Keep the customers we have',
      level: 'company',
      type: 'committed',
      alignsTo: ['grow-the-business'],
      keyResults: [{ key: 'retain.churn', title: 'Monthly churn from 5 % to 2 %', kind: 'metric', start: 5, target: 2, unit: '%' }],
    });

    const preview = await previewOkrs(deps, actor, document);
    expect(preview.applied).toBe(false);
    expect(preview.diff.added.map((i) => `${i.type} ${i.key}`)).toEqual([
      'objective retain',
      'key_result retain.churn',
      'alignment retain → grow-the-business',
    ]);
    expect(preview.diff.changed).toEqual([
      {
        type: 'objective',
        key: 'grow-the-business',
        title: 'Grow the company',
        changes: ['title: "Grow the business" → "Grow the company"'],
      },
      { type: 'key_result', key: 'grow-the-business.kr1', title: 'Revenue from 1 to 2 M', changes: ['target: 2 → 3'] },
    ]);
    expect(preview.diff.removed.map((i) => `${i.type} ${i.key}`)).toEqual([
      'objective sell-to-the-mid-market',
      'key_result grow-the-business.kr2',
    ]);
    const db = engine().handle.db;
    expect(await db.select().from(objectives).where(eq(objectives.orgId, t.w.orgId))).toHaveLength(2);

    // The coach blocks publishing an objective without an owner, as it does in the browser: nothing is written.
    const blocked = await applyOkrs(deps, actor, document).catch((error: unknown) => error);
    expect((blocked as AppError).errors.map((e) => e.field)).toEqual(['retain.ownerId']);
    expect((await db.select().from(objectives).where(eq(objectives.orgId, t.w.orgId))).map((o) => o.title).sort()).toEqual([
      'Grow the business',
      'Sell to the mid-market',
    ]);
    document.objectives[1]!.owner = t.w.owner.user.email;
    const applied = await applyOkrs(deps, actor, document);
    expect(applied.applied).toBe(true);
    const rows = await db.select().from(objectives).where(eq(objectives.orgId, t.w.orgId));
    expect(rows.map((o) => [o.title, o.status]).sort()).toEqual([
      ['Grow the company', 'active'],
      ['Keep the customers we have', 'active'],
      ['Sell to the mid-market', 'archived'],
    ]);
    const [kr] = await db.select().from(keyResults).where(eq(keyResults.id, revenue.id));
    expect(kr!.targetValue).toBe(3);
    expect(
      await db
        .select()
        .from(keyResults)
        .where(and(eq(keyResults.orgId, t.w.orgId), eq(keyResults.title, 'Launch in Spain'))),
    ).toEqual([]);
    // The archived objective keeps its alignment and history; the file's new alignment exists.
    const links = await db.select().from(alignments).where(eq(alignments.orgId, t.w.orgId));
    expect(links.some((l) => l.childObjectiveId === sell.id)).toBe(true);
    expect(links).toHaveLength(2);
    await expectRollupsConsistent(db, t.w.orgId, t.w.cycle.id, DAY, 'after okrs apply');
    expect((await previewOkrs(deps, actor, document)).diff).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it('refuses a file with errors naming the key and the column, and writes nothing', async () => {
    await plant();
    const { deps, actor } = await services();
    const document = await exportOkrs(deps, actor, Q1.name);
    document.objectives[0]!.title = 'Renamed, but never saved';
    document.objectives[1]!.keyResults[0]!.start = 10; // start equals target
    const refusal = await applyOkrs(deps, actor, document).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).errors).toEqual([
      { field: 'sell-to-the-mid-market.kr1.Target', message: 'The start equals the target (10): there is nothing to move.' },
    ]);
    const titles = (await engine().handle.db.select().from(objectives).where(eq(objectives.orgId, t.w.orgId))).map((o) => o.title);
    expect(titles.sort()).toEqual(['Grow the business', 'Sell to the mid-market']);
  });
});
