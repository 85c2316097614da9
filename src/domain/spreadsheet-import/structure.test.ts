import { describe, expect, it } from 'vitest';
import { importedCheckInDate, mapHeaders, numberCell, quarterDates, readRows, structureRows, type SheetTable } from './index.js';

const sheet = (headers: string[], ...records: string[][]): SheetTable => ({ headers, records });
const structured = (table: SheetTable) => {
  const read = readRows(table);
  return { read, ...structureRows(read) };
};

describe('mapHeaders', () => {
  it.each<[string, string[], Record<string, string | null>, string[], string[]]>([
    ['template headers', ['Row ID', 'Parent Row ID', 'Title'], {}, ['rowId', 'parents', 'title'], []],
    [
      'Viva headers',
      ['Row ID', 'Parent', 'Title', 'Entity', 'Owner Email', 'Time Period'],
      {},
      ['rowId', 'parents', 'title', 'team', 'ownerEmail', 'cycle'],
      [],
    ],
    ['spelling and case ignored', ['ROW-ID', 'owner e-mail'], {}, ['rowId', 'ownerEmail'], []],
    ['unknown header left for mapping', ['Row ID', 'Goal name'], {}, ['rowId'], ['Goal name']],
    ['a mapping names it', ['Row ID', 'Goal name'], { 'Goal name': 'title' }, ['rowId', 'title'], []],
    ['a mapping ignores a header', ['Row ID', 'Title'], { Title: null }, ['rowId'], []],
  ])('%s', (_, headers, mapping, columns, unmapped) => {
    const mapped = mapHeaders(headers, mapping as never);
    expect([...mapped.columns.keys()]).toEqual(columns);
    expect(mapped.unmapped).toEqual(unmapped);
  });
});

describe('numberCell', () => {
  it.each<[string, number | null | 'error']>([
    ['', null],
    ['12', 12],
    ['1,234.5', 1234.5],
    ['45 %', 45],
    ['-3', -3],
    ['ten', 'error'],
    ['%', 'error'],
  ])('%j → %j', (text, expected) => {
    const parsed = numberCell(text);
    expect(parsed.ok ? parsed.value : 'error').toEqual(expected);
  });
});

describe('structureRows', () => {
  const headers = ['Row ID', 'Parent Row ID', 'Type', 'Title', 'Cycle', 'Start', 'Target', 'Current', 'Milestones'];

  it('reads objectives, key results and several parents (newline or ;) per objective', () => {
    const result = structured(
      sheet(
        headers,
        ['O1', '', 'Objective', 'Grow', 'Q1 2025', '', '', '', ''],
        ['K1', 'O1', 'Key result', 'Revenue', '', '10', '20', '15', ''],
        ['O2', '', 'Objective', 'Ship', 'Q1 2025', '', '', '', ''],
        ['O3', 'O2;K1', 'Objective', 'Team', '', '', '', '', ''],
        ['O4', 'O1\nO2', 'Objective', 'Both', '', '', '', '', ''],
        ['K2', 'O3', '', 'Launch', '', '', '', '1', 'Beta; GA'],
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.objectives.map((o) => [o.rowId, o.cycle])).toEqual([
      ['O1', 'Q1 2025'],
      ['O2', 'Q1 2025'],
      ['O3', 'Q1 2025'],
      ['O4', 'Q1 2025'],
    ]);
    expect(result.keyResults.map((k) => [k.rowId, k.objectiveRowId, k.kind, k.current])).toEqual([
      ['K1', 'O1', 'metric', 15],
      ['K2', 'O3', 'milestone', 1],
    ]);
    expect(result.alignments.map((a) => `${a.childRowId}→${a.parentRowId}${a.parentIsKeyResult ? ' (KR)' : ''}`)).toEqual([
      'O3→O2',
      'O3→K1 (KR)',
      'O4→O1',
      'O4→O2',
    ]);
  });

  it('takes outline numbering as the parent when no parent is given', () => {
    const result = structured(
      sheet(
        ['Row ID', 'Title', 'Time Period', 'Target'],
        ['1', 'Company', 'Q2 2025', ''],
        ['1.1', 'Sales KR', '', '50'],
        ['1.2', 'Team objective', '', ''],
        ['1.2.1', 'Its KR', '', '5'],
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.keyResults.map((k) => [k.rowId, k.objectiveRowId])).toEqual([
      ['1.1', '1'],
      ['1.2.1', '1.2'],
    ]);
    expect(result.alignments.map((a) => [a.childRowId, a.parentRowId])).toEqual([['1.2', '1']]);
  });

  it('turns a progress-only key result into a 0 → 100 % metric', () => {
    const result = structured(
      sheet(
        ['Row ID', 'Parent', 'Type', 'Title', 'Time Period', 'Progress'],
        ['A', '', 'Objective', 'O', 'Q1 2025', ''],
        ['B', 'A', 'Key Result', 'K', '', '40%'],
      ),
    );
    expect(result.keyResults[0]).toMatchObject({ kind: 'metric', startValue: 0, targetValue: 100, unit: '%', current: 40 });
  });

  it('skips Viva projects and reports it', () => {
    const result = structured(
      sheet(['Row ID', 'Type', 'Title', 'Cycle'], ['A', 'Objective', 'O', 'Q1 2025'], ['P', 'Project', 'Build', '']),
    );
    expect(result.read.skipped).toEqual([{ row: 3, rowId: 'P', type: 'Project' }]);
    expect(result.objectives).toHaveLength(1);
  });

  it.each<[string, string[][], { row: number; column: string; message: RegExp }]>([
    [
      'duplicate Row ID',
      [
        ['A', '', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['A', '', 'Objective', 'Two', 'Q1 2025', '', '', '', ''],
      ],
      { row: 3, column: 'Row ID', message: /already used on row 2/ },
    ],
    [
      'missing parent',
      [['A', 'Z', 'Objective', 'One', 'Q1 2025', '', '', '', '']],
      { row: 2, column: 'Parent Row ID', message: /Parent Z is not a Row ID/ },
    ],
    [
      'loop',
      [
        ['A', 'B', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['B', 'A', 'Objective', 'Two', 'Q1 2025', '', '', '', ''],
      ],
      { row: 3, column: 'Parent Row ID', message: /loop: A → B → A/ },
    ],
    [
      'start equal to target',
      [
        ['A', '', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['K', 'A', 'Key result', 'KR', '', '5', '5', '', ''],
      ],
      { row: 3, column: 'Target', message: /start equals the target/ },
    ],
    [
      'not a number',
      [
        ['A', '', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['K', 'A', 'Key result', 'KR', '', '0', 'lots', '', ''],
      ],
      { row: 3, column: 'Target', message: /not a number/ },
    ],
    [
      'key result without objective',
      [['K', '', 'Key result', 'KR', 'Q1 2025', '0', '5', '', '']],
      { row: 2, column: 'Parent Row ID', message: /needs its objective/ },
    ],
    [
      'key result under two objectives',
      [
        ['A', '', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['B', '', 'Objective', 'Two', 'Q1 2025', '', '', '', ''],
        ['K', 'A;B', 'Key result', 'KR', '', '0', '5', '', ''],
      ],
      { row: 4, column: 'Parent Row ID', message: /exactly one objective/ },
    ],
    [
      'objective without a cycle',
      [['A', '', 'Objective', 'One', '', '', '', '', '']],
      { row: 2, column: 'Cycle', message: /Name the cycle/ },
    ],
    [
      'alignment across cycles',
      [
        ['A', '', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['B', 'A', 'Objective', 'Two', 'Q2 2025', '', '', '', ''],
      ],
      { row: 3, column: 'Parent Row ID', message: /another cycle/ },
    ],
    ['unknown type', [['A', '', 'Epic', 'One', 'Q1 2025', '', '', '', '']], { row: 2, column: 'Type', message: /not a type/ }],
    [
      'too many milestones done',
      [
        ['A', '', 'Objective', 'One', 'Q1 2025', '', '', '', ''],
        ['K', 'A', 'Key result', 'KR', '', '', '', '3', 'a;b'],
      ],
      { row: 3, column: 'Current', message: /0 to 2/ },
    ],
  ])('reports %s with its row and column', (_, records, expected) => {
    const read = readRows(sheet(headers, ...records));
    const errors = [...read.errors, ...structureRows(read).errors];
    expect(errors).toContainEqual({ row: expected.row, column: expected.column, message: expect.stringMatching(expected.message) });
  });

  it('names the column as the file calls it', () => {
    const read = readRows(sheet(['Row ID', 'Parent', 'Title', 'Time Period'], ['A', 'Nope', 'One', 'Q1 2025']));
    expect(structureRows(read).errors).toEqual([{ row: 2, column: 'Parent', message: 'Parent Nope is not a Row ID in this file.' }]);
  });
});

describe('importedCheckInDate', () => {
  const cycle = { cycleStart: '2025-01-01', cycleEnd: '2025-03-31' };
  it.each<[string, string | null, string, string | null]>([
    ['today inside the cycle', null, '2025-02-10', '2025-02-10'],
    ["the file's update date", '2025-02-01', '2025-02-10', '2025-02-01'],
    ['the last day of an ended cycle', null, '2025-06-01', '2025-03-31'],
    ['an update date after the cycle ended', '2025-05-01', '2025-06-01', '2025-03-31'],
    ['an update date in the future is not believed', '2025-03-01', '2025-02-10', '2025-02-10'],
    ['an update date before the cycle: its first day', '2024-12-01', '2025-02-10', '2025-01-01'],
    ['a cycle not started yet: none', null, '2024-12-01', null],
  ])('%s', (_, updatedAt, today, expected) => {
    expect(importedCheckInDate({ updatedAt, today, ...cycle })).toBe(expected);
  });
});

describe('quarterDates', () => {
  it.each<[string, string | null]>([
    ['Q1 2025', '2025-01-01..2025-03-31'],
    ['2025 Q3', '2025-07-01..2025-09-30'],
    ['Q4-2026', '2026-10-01..2026-12-31'],
    ['FY2025 Q2', '2025-04-01..2025-06-30'],
    ['Sprint Zeta', null],
  ])('%s', (name, expected) => {
    const dates = quarterDates(name);
    expect(dates ? `${dates.startDate}..${dates.endDate}` : null).toBe(expected);
  });
});
