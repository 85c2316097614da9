import { describe, expect, it } from 'vitest';
import { departmentOfTeams, teamAndDescendants, type TeamFacts } from './departments.js';

const teams: TeamFacts[] = [
  { id: 'eng', kind: 'department', parentId: null },
  { id: 'platform', kind: 'team', parentId: 'eng' },
  { id: 'db', kind: 'team', parentId: 'platform' },
  { id: 'sales', kind: 'department', parentId: null },
  { id: 'emea', kind: 'department', parentId: 'sales' },
  { id: 'loose', kind: 'team', parentId: null },
];

describe('departmentOfTeams', () => {
  it.each([
    ['a department is its own', 'eng', 'eng'],
    ['a team under a department', 'platform', 'eng'],
    ['a team two levels down', 'db', 'eng'],
    ['the nearest department wins', 'emea', 'emea'],
    ['a team outside every department', 'loose', null],
  ])('%s', (_, id, expected) => expect(departmentOfTeams(teams).get(id)).toBe(expected));
});

describe('teamAndDescendants', () => {
  it.each([
    ['a department and everything below', 'eng', ['eng', 'platform', 'db']],
    ['a leaf team', 'db', ['db']],
    ['nested departments', 'sales', ['sales', 'emea']],
  ])('%s', (_, root, expected) => expect([...teamAndDescendants(teams, root)].sort()).toEqual([...expected].sort()));
});
