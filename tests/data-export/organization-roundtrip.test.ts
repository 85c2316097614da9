import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { seedDemoIfEmpty } from '../../src/server/services/demo/seed-demo.js';
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD } from '../../src/server/services/demo/demo-organization.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus, setUpOrganization } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postImport } from '../imports/support.js';
import { API, canonical, exportDocument, remapped, signIn } from './support.js';
import { expectKeptEqualsRebuilt } from '../support/objective-digests.js';
import { expectChildrenEqualRebuilt } from '../support/objective-children.js';

describeEachEngine('Lossless organisation export and import', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine().handle);
  });
  afterAll(() => server?.close());
  const keptAdoptionFacts = async () =>
    (await queryRows<{ n: number }>(engine().db, sql`select count(*)::int as n from adoption_team_facts where facts is not null`))[0]!.n;

  it('export → import into an empty organisation → export gives the same document, ids remapped consistently', async () => {
    await engine().reset();
    await seedDemoIfEmpty(engine().db, new Date('2027-02-10T09:00:00Z'));
    const demoOwner = await signIn(server.url, DEMO_OWNER_EMAIL, DEMO_PASSWORD);
    // A report keeps the adoption facts per team and cycle: derived, they stay out of the document.
    expectStatus(await demoOwner.get(`${API}/adoption?from=2027-01-04&to=2027-02-10`), 200);
    expect(await keptAdoptionFacts()).toBeGreaterThan(0);
    const first = await exportDocument(demoOwner);
    expect(first.tables.adoption_team_facts).toBeUndefined();
    expect(first).toMatchObject({ format: 'cairn.organization-export', schemaVersion: 1 });
    expect(first.tables.objectives!.length).toBeGreaterThan(5);
    expect(first.tables.check_ins!.length).toBeGreaterThan(5);
    expect(first.tables.users!.length).toBeGreaterThan(5);
    expect(JSON.stringify(first)).not.toMatch(/"password"|token_hash/);
    const text = JSON.stringify(first);

    // A new, empty instance set up by the same owner e-mail: the import fills it.
    await engine().reset();
    const { owner, organization } = await setUpOrganization(server.url, {
      organization: 'Empty',
      email: DEMO_OWNER_EMAIL,
    });
    const dry = await postImport(owner.client, text, { dryRun: 'true' }, 'org.json');
    expectStatus(dry, 200);
    expect(dry.body).toMatchObject({ kind: 'organization', dryRun: true, tables: { objectives: first.tables.objectives!.length } });
    expect((await owner.client.get(`${API}/teams`)).body).toHaveLength(0);

    const applied = await postImport(owner.client, text, { dryRun: 'false' }, 'org.json');
    expectStatus(applied, 201);
    expect(applied.body.tables.check_ins).toBe(first.tables.check_ins!.length);
    // Derived data, not in the document: the heatmap's per-objective rows are rebuilt by the import's writes.
    expect((await expectKeptEqualsRebuilt(engine().db)).length).toBeGreaterThan(5);
    // The import starts without kept adoption facts (the first report counts them).
    expect(await keptAdoptionFacts()).toBe(0);
    // And the alignments' edges a team's walk follows (objective_children).
    expect((await expectChildrenEqualRebuilt(engine().db)).length).toBeGreaterThan(3);
    // Still signed in as the same person, now with the document's name and role.
    const second = await exportDocument(owner.client);

    const importerFrom = String(first.tables.users!.find((u) => u.email === DEMO_OWNER_EMAIL)!.id);
    const expected = canonical(remapped(first, organization.id, { from: importerFrom, to: owner.user.id }));
    const actual = canonical(second);
    // The new organisation's own history (its set-up, the import) comes on top of the document's.
    const own = actual.activities!.filter((row) => !expected.activities!.includes(row));
    expect(own.some((row) => row.includes('"organization.imported"'))).toBe(true);
    actual.activities = actual.activities!.filter((row) => expected.activities!.includes(row));
    expect(actual).toEqual(expected);
    // Consistent remapping: no id of the first organisation survives except the importer's own id mapping.
    expect(JSON.stringify(second)).not.toContain(String(first.organization.id));
    expect(JSON.stringify(second)).not.toContain(String(first.tables.objectives![0]!.id));
  });

  it('serves the JSON Schema published in docs/organization-export.schema.json', async () => {
    const { owner } = await (async () => {
      await engine().reset();
      return setUpOrganization(server.url);
    })();
    const served = await owner.client.get(`${API}/exports/organization/schema`);
    expectStatus(served, 200);
    const published = JSON.parse(readFileSync(new URL('../../docs/organization-export.schema.json', import.meta.url), 'utf8'));
    expect(JSON.parse(served.text), 'regenerate: cairn export --json-schema > docs/organization-export.schema.json').toEqual(published);
  });

  it('refuses another schema version, naming the field, and an organisation that is not empty', async () => {
    await engine().reset();
    await seedDemoIfEmpty(engine().db, new Date('2027-02-10T09:00:00Z'));
    const demoOwner = await signIn(server.url, DEMO_OWNER_EMAIL, DEMO_PASSWORD);
    const document = await exportDocument(demoOwner);
    const wrong = await postImport(demoOwner, JSON.stringify({ ...document, schemaVersion: 99 }), { dryRun: 'true' }, 'o.json');
    expectProblem(wrong, 422, '/problems/validation-failed', 'schemaVersion');
    const unknown = { ...document, tables: { ...document.tables, teams: [{ ...document.tables.teams![0], colour: 'red' }] } };
    expectProblem(
      await postImport(demoOwner, JSON.stringify(unknown), {}, 'o.json'),
      422,
      '/problems/validation-failed',
      'tables.teams[0].colour',
    );
    expectProblem(
      await postImport(demoOwner, JSON.stringify(document), { dryRun: 'false' }, 'o.json'),
      409,
      '/problems/conflict',
      'organization',
    );
  });
});
