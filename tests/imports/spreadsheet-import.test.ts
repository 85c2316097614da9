import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { alignments, checkIns, cycles, invitations } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectRollupsConsistent, useOkrWorld } from '../okrs/support.js';
import { countsOf, csv, keyResultByTitle, objectiveByTitle, postImport } from './support.js';

describeEachEngine('Spreadsheet import', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const db = () => engine().db;

  it('round-trips the template: the dry run previews and writes nothing, the apply creates it all in Q1 with first check-ins', async () => {
    const template = await t.w.owner.client.get(`${API}/imports/template?format=csv`);
    expectStatus(template, 200);
    expect(template.headers.get('content-disposition')).toContain('cairn-okr-template.csv');
    expect(template.text.split('\r\n')[0]).toBe(
      'Row ID,Parent Row ID,Type,Title,Description,Level,Team,Owner Email,Cycle,Cycle Start,Cycle End,Objective Type,Key Result Kind,Unit,Start,Target,Current,Weight,Milestones',
    );
    const before = await countsOf(db(), t.w.orgId);

    const dry = await postImport(t.w.owner.client, template.text);
    expectStatus(dry, 200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      format: 'csv',
      counts: {
        objectives: { create: 2, update: 0, unchanged: 0 },
        keyResults: { create: 3, update: 0, unchanged: 0 },
        alignments: { create: 2 },
        cycles: { create: 0 },
        teams: { create: 1 },
        invitations: 0,
        checkIns: 2,
      },
      teamsToCreate: ['Support'],
      errors: [],
    });
    expect(await countsOf(db(), t.w.orgId)).toEqual(before);

    const applied = await postImport(t.w.owner.client, template.text, { dryRun: 'false' });
    expectStatus(applied, 201);
    expect(applied.body.counts).toEqual(dry.body.counts);
    expect(await countsOf(db(), t.w.orgId)).toEqual({ ...before, objectives: 2, keyResults: 3, alignments: 2, checkIns: 2, teams: 1 });

    const nps = await keyResultByTitle(db(), t.w.orgId, 'Raise NPS from 30 to 45');
    expect(nps).toMatchObject({
      kind: 'metric',
      startValue: 30,
      targetValue: 45,
      currentValue: 34,
      lastCheckInDate: '2025-02-15',
      unit: 'points',
    });
    expect(nps!.progress).toBeCloseTo(4 / 15, 12);
    const onboarding = await keyResultByTitle(db(), t.w.orgId, 'Ship the new onboarding');
    expect(onboarding!.milestones).toEqual([
      { title: 'Design', weight: 1, done: true },
      { title: 'Beta', weight: 1, done: false },
      { title: 'Launch', weight: 1, done: false },
    ]);
    const team = await objectiveByTitle(db(), t.w.orgId, 'Answer every ticket within a day');
    expect(team).toMatchObject({ cycleId: t.w.cycle.id, status: 'active', type: 'aspirational', ownerId: null });
    const links = await db().select().from(alignments).where(eq(alignments.childObjectiveId, team!.id));
    expect(links.map((l) => (l.parentKeyResultId ? 'KR' : 'objective')).sort()).toEqual(['KR', 'objective']);
    await expectRollupsConsistent(db(), t.w.orgId, t.w.cycle.id, t.clock.today, 'after the import');
    // The tree shows what was imported, through the API.
    expect((await t.w.api.tree(t.w.cycle.id)).roots.map((r) => r.title)).toContain('Delight our customers');
  });

  it('reads the XLSX template the same way', async () => {
    const template = await fetch(`${t.server.url}${API}/imports/template?format=xlsx`, {
      headers: { cookie: t.w.owner.client.cookieHeader },
    });
    expect(template.status).toBe(200);
    const bytes = Buffer.from(await template.arrayBuffer());
    const dry = await postImport(t.w.owner.client, bytes, {}, 'okrs.xlsx');
    expectStatus(dry, 200);
    expect(dry.body).toMatchObject({
      format: 'xlsx',
      counts: { objectives: { create: 2 }, keyResults: { create: 3 }, checkIns: 2 },
      errors: [],
    });
  });

  it('re-importing the same file changes nothing; an edited file updates in place and checks in the new value', async () => {
    const rows = [
      ['Row ID', 'Parent Row ID', 'Type', 'Title', 'Cycle', 'Start', 'Target', 'Current'],
      ['A', '', 'Objective', 'Grow revenue', 'Q1 2025', '', '', ''],
      ['A1', 'A', 'Key result', 'Monthly revenue', '', '100', '200', '120'],
      ['B', 'A1', 'Objective', 'Sell more', 'Q1 2025', '', '', ''],
    ];
    expectStatus(await postImport(t.w.owner.client, csv(rows), { dryRun: 'false' }), 201);
    const first = await countsOf(db(), t.w.orgId);

    const again = await postImport(t.w.owner.client, csv(rows), { dryRun: 'false' });
    expectStatus(again, 201);
    expect(again.body.counts).toMatchObject({
      objectives: { create: 0, update: 0, unchanged: 2 },
      keyResults: { create: 0, update: 0, unchanged: 1 },
      alignments: { create: 0 },
      checkIns: 0,
    });
    expect(await countsOf(db(), t.w.orgId)).toEqual(first);

    t.clock.setDay('2025-03-01');
    rows[1]![3] = 'Grow revenue fast';
    rows[2]![7] = '150';
    const edited = await postImport(t.w.owner.client, csv(rows), { dryRun: 'false' });
    expect(edited.body.counts).toMatchObject({ objectives: { update: 1, unchanged: 1 }, keyResults: { update: 1 }, checkIns: 1 });
    expect(await countsOf(db(), t.w.orgId)).toEqual({ ...first, checkIns: first.checkIns + 1 });
    expect(await objectiveByTitle(db(), t.w.orgId, 'Grow revenue fast')).toBeDefined();
    const kr = await keyResultByTitle(db(), t.w.orgId, 'Monthly revenue');
    expect(kr).toMatchObject({ currentValue: 150, lastCheckInDate: '2025-03-01' });
    const history = await db().select().from(checkIns).where(eq(checkIns.keyResultId, kr!.id));
    expect(history.map((c) => [c.asOf, c.value]).sort()).toEqual([
      ['2025-02-15', 120],
      ['2025-03-01', 150],
    ]);
    await expectRollupsConsistent(db(), t.w.orgId, t.w.cycle.id, t.clock.today, 'after the re-import');
  });

  it('imports a Viva Goals export: multi-parent rows, outline numbering, a past quarter dated at its update, owners found or invited', async () => {
    const colleague = await addPerson(t.w.owner.client, { email: 'dana@example.test' });
    const viva = [
      [
        'Row ID',
        'Parent',
        'Title',
        'Type',
        'Entity',
        'Owner Email',
        'Time Period',
        'Start Value',
        'Target Value',
        'Current Value',
        'Progress',
        'Status',
        'Last Updated',
      ],
      ['1', '', 'Win the market', 'Objective', 'Acme', 'DANA@example.test', 'Q4 2024', '', '', '', '40', 'On Track', '2024-11-20'],
      ['1.1', '', 'Signed customers', 'Key Result', 'Acme', 'dana@example.test', '', '10', '50', '26', '40', 'On Track', '2024-11-20'],
      ['2', '', 'Great product', 'Objective', 'Acme', 'nobody@example.test', 'Q4 2024', '', '', '', '', '', ''],
      ['2.1', '', 'Uptime work done', 'Key Result', '', '', '', '', '', '', '75', 'Behind', ''],
      ['3', '1\n2;1.1', 'Platform team objective', 'Objective', 'Platform', 'dana@example.test', 'Q4 2024', '', '', '', '', '', ''],
      ['9', '3', 'Migrate the database', 'Project', 'Platform', '', 'Q4 2024', '', '', '', '', '', ''],
    ];
    const dry = await postImport(t.w.owner.client, csv(viva));
    expect(dry.body).toMatchObject({
      counts: {
        objectives: { create: 3 },
        keyResults: { create: 2 },
        alignments: { create: 3 },
        cycles: { create: 1 },
        teams: { create: 2 },
        invitations: 1,
        checkIns: 2,
      },
      cyclesToCreate: [{ name: 'Q4 2024', startDate: '2024-10-01', endDate: '2024-12-31', status: 'active' }],
      teamsToCreate: ['Acme', 'Platform'],
      peopleToInvite: ['nobody@example.test'],
      skipped: [{ row: 7, rowId: '9', type: 'Project' }],
      errors: [],
    });
    expect(dry.body.unmappedHeaders).toEqual([]);
    expectStatus(await postImport(t.w.owner.client, csv(viva), { dryRun: 'false' }), 201);

    const [q4] = await db()
      .select()
      .from(cycles)
      .where(and(eq(cycles.orgId, t.w.orgId), eq(cycles.name, 'Q4 2024')));
    const win = await objectiveByTitle(db(), t.w.orgId, 'Win the market');
    expect(win).toMatchObject({ cycleId: q4!.id, ownerId: colleague.user.id });
    expect(await objectiveByTitle(db(), t.w.orgId, 'Great product')).toMatchObject({ ownerId: null });
    // Dated by the file's update; without one, the ended quarter's last day.
    expect(await keyResultByTitle(db(), t.w.orgId, 'Signed customers')).toMatchObject({ currentValue: 26, lastCheckInDate: '2024-11-20' });
    expect(await keyResultByTitle(db(), t.w.orgId, 'Uptime work done')).toMatchObject({
      startValue: 0,
      targetValue: 100,
      unit: '%',
      currentValue: 75,
      lastCheckInDate: '2024-12-31',
    });
    const platform = await objectiveByTitle(db(), t.w.orgId, 'Platform team objective');
    expect(await db().select().from(alignments).where(eq(alignments.childObjectiveId, platform!.id))).toHaveLength(3);
    const invited = await db().select().from(invitations).where(eq(invitations.orgId, t.w.orgId));
    expect(invited.map((i) => i.email)).toContain('nobody@example.test');
    await expectRollupsConsistent(db(), t.w.orgId, q4!.id, t.clock.today, 'after the Viva import');

    // Mapping the unknown owner to an existing person instead: no invitation, the person owns it.
    const mapped = await postImport(t.w.owner.client, csv(viva), {
      source: 'second',
      ownerMapping: JSON.stringify({ 'nobody@example.test': 'dana@example.test' }),
    });
    expect(mapped.body.peopleToInvite).toEqual([]);
    const strict = await postImport(t.w.owner.client, csv(viva), { source: 'third', inviteUnknownOwners: 'false' });
    expect(strict.body.errors).toEqual([{ row: 4, column: 'Owner Email', message: expect.stringContaining('nobody@example.test') }]);
  });

  it('reports every row error with its row and column in the dry run, and applying the file writes nothing (422)', async () => {
    const rows = [
      ['Row ID', 'Parent Row ID', 'Type', 'Title', 'Cycle', 'Start', 'Target'],
      ['A', '', 'Objective', 'Fine', 'Q1 2025', '', ''],
      ['A', '', 'Objective', 'Duplicate', 'Q1 2025', '', ''],
      ['B', 'MISSING', 'Objective', 'Orphan', 'Q1 2025', '', ''],
      ['C', 'D', 'Objective', 'Loop one', 'Q1 2025', '', ''],
      ['D', 'C', 'Objective', 'Loop two', 'Q1 2025', '', ''],
      ['K', 'A', 'Key result', 'Flat', '', '5', '5'],
      ['E', '', 'Objective', 'Somewhere', 'Sprint Zeta', '', ''],
    ];
    const before = await countsOf(db(), t.w.orgId);
    const dry = await postImport(t.w.owner.client, csv(rows));
    expectStatus(dry, 200);
    expect(dry.body.errors).toEqual([
      { row: 3, column: 'Row ID', message: 'Row ID A is already used on row 2.' },
      { row: 4, column: 'Parent Row ID', message: 'Parent MISSING is not a Row ID in this file.' },
      { row: 6, column: 'Parent Row ID', message: 'Parent C makes a loop: C → D → C.' },
      { row: 7, column: 'Target', message: 'The start equals the target (5): there is nothing to move.' },
      { row: 8, column: 'Cycle', message: 'Unknown cycle "Sprint Zeta": create it first, or give its Cycle Start and Cycle End.' },
    ]);
    const applied = await postImport(t.w.owner.client, csv(rows), { dryRun: 'false' });
    expectProblem(applied, 422, '/problems/validation-failed', 'row 3, Row ID');
    expect(applied.body.errors).toHaveLength(5);
    expect(await countsOf(db(), t.w.orgId)).toEqual(before);
  });

  it('maps other headers, and refuses what is not a spreadsheet, a file over the limit and a member', async () => {
    const odd = csv([
      ['Key', 'Goal name', 'Quarter'],
      ['X', 'Own headers', 'Q1 2025'],
    ]);
    const unmapped = await postImport(t.w.owner.client, odd);
    expect(unmapped.body).toMatchObject({ unmappedHeaders: ['Goal name'], errors: [{ row: 1, column: 'Title' }] });
    const mapped = await postImport(t.w.owner.client, odd, { mapping: JSON.stringify({ 'Goal name': 'title' }) });
    expect(mapped.body).toMatchObject({
      mapping: { Key: 'rowId', 'Goal name': 'title', Quarter: 'cycle' },
      counts: { objectives: { create: 1 } },
      errors: [],
    });

    expectProblem(
      await postImport(t.w.owner.client, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), {}, 'x.pdf'),
      422,
      '/problems/validation-failed',
      'file',
    );
    expectProblem(await postImport(t.w.owner.client, Buffer.alloc(10 * 1024 * 1024 + 10, 'a')), 413, '/problems/too-large', 'file');
    const member = await addPerson(t.w.owner.client);
    expectProblem(await postImport(member.client, odd), 403, '/problems/forbidden');
    expect((await countsOf(db(), t.w.orgId)).objectives).toBe(0);
  });
});
