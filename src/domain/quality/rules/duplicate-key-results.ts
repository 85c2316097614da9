/**
 * Two key results of one objective that measure the same thing.
 *
 * Duplicates count one effort twice in the objective's progress and crowd out
 * a second angle. Titles are compared on the words that name the measure
 * (see similarity.ts): a pair is flagged when at least 60% of their words are
 * shared, or at least half of them when both use the same unit. The later key
 * result of the pair is the one pointed at, as the likely addition.
 */
import { eachKeyResult, isBlank, krField, krName } from '../helpers.js';
import { jaccard, measureTokens, sharedTokens } from '../similarity.js';
import type { DraftKeyResult, QualityRule, RuleFinding } from '../types.js';
import { listWords } from '../wording.js';

export const DUPLICATE_OVERLAP = 0.6;
export const DUPLICATE_OVERLAP_SAME_UNIT = 0.5;

function sameUnit(a: DraftKeyResult, b: DraftKeyResult): boolean {
  if (isBlank(a.unit) || isBlank(b.unit)) return false;
  return a.unit?.trim().toLowerCase() === b.unit?.trim().toLowerCase();
}

export const duplicateKeyResults: QualityRule = {
  id: 'duplicate-key-results',
  title: 'One measure per key result',
  defaultSeverity: 'warn',
  why: 'Two key results that measure the same thing count one effort twice and take the place of a measure that would show another side of the objective.',
  weakExample: '“Raise NPS to 45” and “Improve our NPS score from 32”',
  strongExample: '“Raise NPS from 32 to 45” and “Cut support reply time from 9 to 4 hours”',
  check(objective) {
    const tokens = objective.keyResults.map((kr) => measureTokens(kr.title));
    return eachKeyResult(objective, (kr, index): RuleFinding[] => {
      const mine = tokens[index];
      if (mine === undefined || mine.size === 0) return [];
      for (let earlier = 0; earlier < index; earlier += 1) {
        const theirs = tokens[earlier];
        const other = objective.keyResults[earlier];
        if (theirs === undefined || other === undefined || theirs.size === 0) continue;
        const overlap = jaccard(mine, theirs);
        const limit = sameUnit(kr, other) ? DUPLICATE_OVERLAP_SAME_UNIT : DUPLICATE_OVERLAP;
        if (overlap < limit) continue;
        return [
          {
            field: krField(index, 'title'),
            message: `${krName(kr, index)} seems to measure the same thing as key result ${earlier + 1}, ${krName(other, earlier)} (shared: ${listWords(sharedTokens(mine, theirs))}).`,
            suggestion: 'Merge them into one key result, or replace this one with a measure of a different side of the objective.',
          },
        ];
      }
      return [];
    });
  },
};
