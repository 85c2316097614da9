import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { postImport } from './support.js';

describeEachEngine('Cycle spreadsheet export', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it("exports the cycle's tree with progress and owners in the template's columns (it imports again) and its check-ins", async () => {
    const template = await t.w.owner.client.get(`${API}/imports/template?format=csv`);
    expectStatus(await postImport(t.w.owner.client, template.text, { dryRun: 'false' }), 201);
    const exported = await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/export?format=csv`);
    expectStatus(exported, 200);
    const lines = exported.text.trim().split('\r\n');
    expect(lines[0]).toContain('Row ID,Parent Row ID,Type,Title');
    expect(lines[0]).toContain('Progress,Score,Last Check-in');
    expect(lines).toHaveLength(6);
    const nps = lines.find((l) => l.includes('Raise NPS'))!;
    expect(nps).toContain(',metric,points,30,45,34,');
    expect(nps).toContain('26.7');
    // Imported as another source, the export is a valid file that would create the same tree.
    const again = await postImport(t.w.owner.client, exported.text, { source: 'export' });
    expect(again.body).toMatchObject({
      errors: [],
      counts: { objectives: { create: 2 }, keyResults: { create: 3 }, alignments: { create: 2 } },
    });

    const checkIns = await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/check-ins/export`);
    expectStatus(checkIns, 200);
    const rows = checkIns.text.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).every((r) => r.includes('2025-02-15'))).toBe(true);
  });
});
