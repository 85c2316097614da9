import { describe, expect, it } from 'vitest';
import { checkRows, rowsOfCsv } from './invitation-rows.js';

describe('rowsOfCsv', () => {
  it.each([
    [
      'a header in any order',
      'E-mail,Name,Lead\nada@x.test,Ada,yes',
      [{ name: 'Ada', email: 'ada@x.test', team: null, role: null, lead: 'yes' }],
    ],
    [
      'no header: name, email, team, role, lead',
      'Ada Lovelace,ada@x.test,Support,admin,no\n\nBob,bob@x.test',
      [
        { name: 'Ada Lovelace', email: 'ada@x.test', team: 'Support', role: 'admin', lead: 'no' },
        { name: 'Bob', email: 'bob@x.test', team: null, role: null, lead: null },
      ],
    ],
    [
      'quoted commas',
      'name,email,team\n"Lee, Ann",ann@x.test,"Sales, EMEA"',
      [{ name: 'Lee, Ann', email: 'ann@x.test', team: 'Sales, EMEA', role: null, lead: null }],
    ],
  ])('reads %s', (_case, csv, rows) => {
    expect(rowsOfCsv(csv)).toEqual(rows);
  });

  it('refuses what is not CSV, naming the csv field', () => {
    expect(() => rowsOfCsv('name,email\n"unterminated,ada@x.test')).toThrow(expect.objectContaining({ code: 'validation-failed' }));
  });
});

describe('checkRows', () => {
  it.each([
    [{ email: ' Ada@X.test ' }, { email: 'ada@x.test', role: 'member', lead: false }],
    [
      { email: 'ada@x.test', role: 'Admin', lead: 'Yes' },
      { role: 'admin', lead: true },
    ],
    [{ email: 'ada@x.test', lead: true }, { lead: true }],
    [{ email: 'not-an-email' }, { problem: 'invalid_email' }],
    [{ email: 'ada@x.test', role: 'owner' }, { problem: 'invalid_role' }],
    [{ email: 'ada@x.test', lead: 'maybe' }, { problem: 'invalid_lead' }],
  ])('%o → %o', (row, expected) => {
    expect(checkRows([row])[0]).toMatchObject(expected);
  });

  it('numbers rows from 1 and marks a repeated e-mail as a duplicate', () => {
    const checked = checkRows([{ email: 'a@x.test' }, { email: 'b@x.test' }, { email: 'A@x.test' }]);
    expect(checked.map((r) => [r.row, r.problem ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'duplicate'],
    ]);
  });
});
