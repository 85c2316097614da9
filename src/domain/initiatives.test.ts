import { describe, expect, it } from 'vitest';
import { initiativesNote, isOpenInitiative, milestonesFromInitiatives, type InitiativeStatus } from './initiatives.js';
import { linkProblem } from './links.js';

describe('initiatives', () => {
  it.each<[InitiativeStatus, boolean]>([
    ['planned', true],
    ['in_progress', true],
    ['done', false],
    ['dropped', false],
  ])('%s is open: %s', (status, open) => expect(isOpenInitiative(status)).toBe(open));

  it.each<[InitiativeStatus[], boolean[]]>([
    [[], []],
    [
      ['planned', 'done'],
      [false, true],
    ],
    [
      ['dropped', 'in_progress', 'done', 'dropped'],
      [false, true],
    ],
  ])('milestones of %o are done %o', (statuses, done) => {
    const milestones = milestonesFromInitiatives(statuses.map((status, i) => ({ title: `I${i}`, status })));
    expect(milestones.map((m) => m.done)).toEqual(done);
    expect(milestones.every((m) => m.weight === 1)).toBe(true);
  });

  it('names the count in its note', () =>
    expect(
      initiativesNote(
        milestonesFromInitiatives([
          { title: 'a', status: 'done' },
          { title: 'b', status: 'planned' },
        ]),
      ),
    ).toBe('Driven by its initiatives: 1 of 2 done.'));
});

describe('links', () => {
  it.each<[string, boolean]>([
    ['https://example.com/doc', true],
    ['http://intranet.local/x?y=1', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,hi', false],
    ['ftp://example.com/f', false],
    ['example.com', false],
    ['', false],
  ])('%s is allowed: %s', (url, ok) => expect(linkProblem(url) === null).toBe(ok));
});
