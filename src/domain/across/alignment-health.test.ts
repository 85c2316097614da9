import { describe, expect, it } from 'vitest';
import { alignmentHealth, isOrphan, type AlignmentFacts } from './alignment-health.js';

const team = (aligned: boolean, standaloneReason: string | null = null, published = true): AlignmentFacts => ({
  teamId: 't',
  published,
  aligned,
  standaloneReason,
});
const company: AlignmentFacts = { teamId: null, published: true, aligned: false, standaloneReason: null };

describe('isOrphan', () => {
  it.each([
    ['aligned team objective', team(true), false],
    ['unaligned without reason', team(false), true],
    ['unaligned with a reason', team(false, 'Keeps the lights on'), false],
    ['unaligned with a blank reason', team(false, '   '), true],
    ['a draft is not judged yet', team(false, null, false), false],
    ['a company objective is the top', company, false],
  ])('%s', (_, facts, expected) => expect(isOrphan(facts)).toBe(expected));
});

describe('alignmentHealth', () => {
  it.each([
    ['nothing counted', [company], { counted: 0, alignedOrExplained: 0, share: null, healthy: null }],
    [
      '9 of 10: healthy at the threshold',
      [...Array(9).fill(team(true)), team(false)],
      { counted: 10, alignedOrExplained: 9, share: 0.9, healthy: true },
    ],
    [
      '3 of 4: not healthy',
      [team(true), team(true), team(false, 'Why'), team(false)],
      { counted: 4, alignedOrExplained: 3, share: 0.75, healthy: false },
    ],
    [
      'drafts and company objectives are left out',
      [team(true), team(false, null, false), company],
      { counted: 1, alignedOrExplained: 1, share: 1, healthy: true },
    ],
  ])('%s', (_, objectives, expected) => expect(alignmentHealth(objectives as AlignmentFacts[])).toEqual(expected));
});
