/**
 * "Why is it important?" and "Why is it urgent?": the two questions every
 * objective should answer before it is published.
 *
 * The answers are what gets an objective understood and supported beyond
 * the people who wrote it, and what makes trade-offs discussable later.
 * Placeholders such as "TBD" or "-" count as no answer.
 */
import { isBlank } from '../helpers.js';
import type { QualityRule } from '../types.js';

export const missingWhyImportant: QualityRule = {
  id: 'missing-why-important',
  title: 'Say why it is important',
  defaultSeverity: 'warn',
  why: 'People commit to what they understand. Saying why an objective matters, ideally backed by data, lets every team see how it connects to the strategy and choose it over other work.',
  weakExample: 'Why important: (empty)',
  strongExample: 'Why important: Half of new teams never reach their first check-in, and they churn within 3 months.',
  check(objective) {
    if (!isBlank(objective.whyImportant)) return [];
    return [
      {
        field: 'whyImportant',
        message: 'This objective does not say why it is important.',
        suggestion: 'In a sentence or two, say what it changes for customers or the business, with a figure if you have one.',
      },
    ];
  },
};

export const missingWhyUrgent: QualityRule = {
  id: 'missing-why-urgent',
  title: 'Say why it is urgent',
  defaultSeverity: 'tip',
  why: 'Many things are important; an objective earns its place this cycle when there is a reason to act now. Saying why helps teams prioritise and helps leaders drop what can wait.',
  weakExample: 'Why urgent: (empty)',
  strongExample: 'Why urgent: The new pricing launches in May and every trial that stalls now is lost revenue.',
  check(objective) {
    if (!isBlank(objective.whyUrgent)) return [];
    return [
      {
        field: 'whyUrgent',
        message: 'This objective does not say why it is urgent, i.e. why this cycle rather than a later one.',
        suggestion: 'Name what happens if it waits a quarter: a deadline, a trend, a risk or an opportunity closing.',
      },
    ];
  },
};
