/**
 * The objective's title: qualitative and short.
 *
 * The objective says where to go and why it matters; the key results carry
 * the numbers. A number in the title usually means a key result is hiding
 * there, and a long title usually means several objectives in one.
 */
import { isBlank } from '../helpers.js';
import type { QualityRule } from '../types.js';
import { findNumbers, listWords } from '../wording.js';

export const objectiveContainsNumber: QualityRule = {
  id: 'objective-contains-number',
  title: 'Objectives are qualitative',
  defaultSeverity: 'warn',
  why: 'An objective should inspire and give direction; the numbers belong in its key results. A number in the title turns it into a key result and leaves no room to measure it from several angles.',
  weakExample: 'Grow revenue by 20% to $2M',
  strongExample: 'Become the obvious choice for mid-sized teams (with revenue and win-rate key results)',
  check(objective) {
    // Years used as dates ("by 2026") and labels like Q3 or B2B are not quantities.
    const numbers = findNumbers(objective.title);
    if (numbers.length === 0) return [];
    return [
      {
        field: 'title',
        message: `The objective mentions ${listWords(numbers)}: numbers make it a key result rather than a direction.`,
        suggestion: 'Move the number into a key result and describe in words what reaching it means.',
      },
    ];
  },
};

export const objectiveTitleTooLong: QualityRule = {
  id: 'objective-title-too-long',
  title: 'Keep objective titles short',
  defaultSeverity: 'tip',
  why: 'People should be able to remember and repeat an objective. A long title is hard to share and often bundles several objectives or explains the how.',
  weakExample:
    'Improve the onboarding experience for new customers by redesigning the setup wizard, writing better docs and adding in-app guidance',
  strongExample: 'Make onboarding effortless',
  check(objective, _context, principles) {
    if (isBlank(objective.title)) return [];
    const length = Array.from(objective.title.trim()).length;
    if (length <= principles.maxTitleLength) return [];
    return [
      {
        field: 'title',
        message: `The title is ${length} characters long; your guiding principles ask for at most ${principles.maxTitleLength}.`,
        suggestion: 'Keep the destination in the title; move the reasons to “Why is it important?” and the how to initiatives.',
      },
    ];
  },
};
