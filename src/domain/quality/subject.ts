/**
 * The subject of a key result: what it measures, without the direction or
 * the numbers. "Raise customer satisfaction from 7.1 to 8.5" → "customer
 * satisfaction". Used to word suggestions such as "Establish a reliable
 * measure of customer satisfaction".
 */
import { anyOf } from './wording.js';

// Verbs that open a key result but are not part of what it measures.
const LEADING_VERB = new RegExp(
  String.raw`^${anyOf([
    'improve',
    'increase',
    'raise',
    'grow',
    'boost',
    'enhance',
    'optimi[sz]e',
    'reduce',
    'decrease',
    'lower',
    'cut',
    'lift',
    'drive',
    'double',
    'halve',
    'triple',
    'maximi[sz]e',
    'minimi[sz]e',
    'strengthen',
    'expand',
    'accelerate',
    'keep',
    'maintain',
    'reach',
    'achieve',
    'get',
    'hit',
    'hold',
    'stay',
  ])}\s+(?:the\s+|our\s+)?`,
  'i',
);

const UNIT = String.raw`(?:\s?${anyOf([
  '%',
  '[kmx]',
  'bn',
  'pp',
  'ms',
  'days?',
  'hours?',
  'hrs?',
  'h',
  'weeks?',
  'months?',
  'minutes?',
  'mins?',
  'seconds?',
  'secs?',
  's',
  'points?',
  'pts',
  'percent',
])}(?![\p{L}]))?`;
const BOUND_WORDS = anyOf([
  'to',
  'by',
  'of',
  'at',
  'above',
  'below',
  'under',
  'over',
  'at least',
  'at most',
  'less than',
  'more than',
  'within',
]);
const NUM = String.raw`[$€£¥]?\s?\d[\d.,]*${UNIT}`;
// "from 7.1 to 8.5", "20% → 45%", "to 45", "by 10%", "above 99.9%", "≤ 4".
const VALUE_PARTS = [
  new RegExp(String.raw`\s*\bfrom\s+${NUM}\s+to\s+${NUM}`, 'giu'),
  new RegExp(String.raw`\s*${NUM}\s*(?:→|->|=>|⇒)\s*${NUM}`, 'giu'),
  new RegExp(String.raw`\s*\b${BOUND_WORDS}\s+${NUM}(?=\s|$|[,;:.)])`, 'giu'),
  new RegExp(String.raw`\s*(?:≥|≤|>=|<=|<|>)\s*${NUM}`, 'giu'),
];

/** What a key result measures, in words; the trimmed title when nothing is left. */
export function keyResultSubject(title: string): string {
  const original = title.trim().replace(/\s+/g, ' ');
  let text = original;
  // "Customers who launch in week 1: 20% → 45%": the value follows the colon.
  const colon = text.indexOf(':');
  if (colon > 0 && /\d/.test(text.slice(colon + 1))) text = text.slice(0, colon);
  for (const pattern of VALUE_PARTS) text = text.replace(pattern, '');
  text = text.replace(LEADING_VERB, '');
  text = text
    .replace(/[\s,;:.–-]+$/u, '')
    .replace(/^[\s,;:.–-]+/u, '')
    .trim();
  if (text === '') return original;
  return lowerFirst(text);
}

/** "Customer satisfaction" → "customer satisfaction", but "NPS" stays "NPS". */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = Array.from(text);
  if (second !== '' && second === second.toUpperCase() && /\p{L}/u.test(second)) return text;
  return first.toLowerCase() + text.slice(first.length);
}
