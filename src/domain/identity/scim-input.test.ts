import { describe, expect, it } from 'vitest';
import {
  nextAddress,
  normalizePatchOperation,
  valuelessComparison,
  unknownAttributes,
  workEmailOf,
  type PatchOperation,
} from './scim-input.js';

describe('normalizePatchOperation', () => {
  it.each<[string, PatchOperation, PatchOperation]>([
    ['Entra string False on path', { op: 'Replace', path: 'active', value: 'False' }, { op: 'Replace', path: 'active', value: false }],
    ['Entra string True on path', { op: 'Replace', path: 'active', value: 'True' }, { op: 'Replace', path: 'active', value: true }],
    ['path in another case', { op: 'replace', path: 'Active', value: 'false' }, { op: 'replace', path: 'Active', value: false }],
    ['Okta boolean value object', { op: 'replace', value: { active: false } }, { op: 'replace', value: { active: false } }],
    ['string inside value object', { op: 'replace', value: { active: 'False' } }, { op: 'replace', value: { active: false } }],
    [
      'other string left for validation',
      { op: 'replace', path: 'active', value: 'maybe' },
      { op: 'replace', path: 'active', value: 'maybe' },
    ],
    [
      'other attribute untouched',
      { op: 'replace', path: 'displayName', value: 'False' },
      { op: 'replace', path: 'displayName', value: 'False' },
    ],
    ['member removal untouched', { op: 'Remove', path: 'members[value eq "1"]' }, { op: 'Remove', path: 'members[value eq "1"]' }],
  ])('%s', (_label, input, expected) => {
    expect(normalizePatchOperation(input)).toEqual(expected);
  });
});

describe('unknownAttributes', () => {
  const known = ['schemas', 'id', 'userName', 'name', 'active'];
  it.each<[Record<string, unknown>, string[]]>([
    [{ schemas: [], userName: 'a' }, []],
    [{ USERNAME: 'a', Active: true }, []],
    [{ userName: 'a', favouriteColour: 'blue' }, ['favouriteColour']],
    [{ shoeSize: 9, hat: 'x' }, ['shoeSize', 'hat']],
  ])('%j', (resource, expected) => {
    expect(unknownAttributes(resource, known)).toEqual(expected);
  });
});

describe('nextAddress', () => {
  it.each<[string, string, string, string | undefined, string]>([
    ['nothing changed', 'a@x.test', 'a@x.test', 'a@x.test', 'a@x.test'],
    ['only userName changed (PATCH userName)', 'a@x.test', 'b@x.test', 'a@x.test', 'b@x.test'],
    ['only the work e-mail changed (Entra)', 'a@x.test', 'a@x.test', 'c@x.test', 'c@x.test'],
    ['both changed: userName wins', 'a@x.test', 'b@x.test', 'c@x.test', 'b@x.test'],
    ['case only is no change', 'a@x.test', 'A@X.test', 'a@x.test', 'a@x.test'],
    ['no work e-mail', 'a@x.test', 'a@x.test', undefined, 'a@x.test'],
    ['empty work e-mail ignored', 'a@x.test', 'a@x.test', ' ', 'a@x.test'],
  ])('%s', (_label, current, userName, workEmail, expected) => {
    expect(nextAddress(current, userName, workEmail)).toBe(expected);
  });
});

describe('workEmailOf', () => {
  it.each<[Parameters<typeof workEmailOf>[0], string | undefined]>([
    [undefined, undefined],
    [[], undefined],
    [
      [
        { value: 'h@x.test', type: 'home' },
        { value: 'w@x.test', type: 'work' },
      ],
      'w@x.test',
    ],
    [
      [
        { value: 'h@x.test', type: 'home' },
        { value: 'p@x.test', primary: true },
      ],
      'p@x.test',
    ],
    [[{ value: 'o@x.test', type: 'other' }], 'o@x.test'],
  ])('%j', (emails, expected) => {
    expect(workEmailOf(emails)).toBe(expected);
  });
});

describe('valuelessComparison', () => {
  it.each<[string, string | undefined]>([
    ['userName eq "a@x.test"', undefined],
    ['userName eq', 'eq'],
    ['userName EQ ', 'EQ'],
    ['(displayName sw) and active eq true', 'sw'],
    ['displayName eq "a eq" and externalId eq "b"', undefined],
    ['userName eq and active eq true', 'eq'],
    ['title pr', undefined],
  ])('%s', (filter, expected) => {
    expect(valuelessComparison(filter)).toBe(expected);
  });
});
