import { describe, expect, it } from 'vitest';
import { normalizePatchOperation, unknownAttributes, type PatchOperation } from './scim-input.js';

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
