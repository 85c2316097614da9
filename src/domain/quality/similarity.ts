/**
 * Do two key result titles measure the same thing?
 *
 * Titles are reduced to the words that name the measure: lowercase, no
 * numbers or punctuation, no filler words, no direction verbs ("raise",
 * "reduce": they say which way, not what), and a crude stem so "customers"
 * and "customer" match. Two titles are then compared by Jaccard overlap,
 * |A ∩ B| / |A ∪ B|, which is easy to explain: "3 of 4 words in common".
 */
import { words } from './wording.js';

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'for',
  'to',
  'from',
  'by',
  'with',
  'and',
  'or',
  'at',
  'per',
  'our',
  'we',
  'us',
  'my',
  'their',
  'its',
  'is',
  'are',
  'be',
  'than',
  'into',
  'vs',
  'each',
  'all',
  'every',
  'that',
  'this',
  'who',
  'which',
  'within',
  'under',
  'over',
  'above',
  'below',
  'least',
  'most',
  'keep',
  'maintain',
  'stay',
  'reach',
  'achieve',
  'get',
  'hit',
  'will',
  'up',
  'down',
  'new',
  'total',
  'average',
  'avg',
  'percent',
  'pct',
  'k',
  'm',
  'x',
]);

// Direction words, reduced to a stem prefix: they do not name the measure.
const DIRECTIONS = [
  /^improv/,
  /^increas/,
  /^better$/,
  /^enhanc/,
  /^optimi[sz]/,
  /^grow/,
  /^boost/,
  /^more$/,
  /^less$/,
  /^fewer$/,
  /^reduc/,
  /^maximi[sz]/,
  /^minimi[sz]/,
  /^strengthen/,
  /^rais/,
  /^lower$/,
  /^decreas/,
  /^cut$/,
  /^doubl/,
  /^halv/,
  /^tripl/,
  /^drive$/,
  /^lift$/,
];

/** A rough English stem: enough to fold plurals and -ing/-ed forms together. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && /(?:sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The set of stemmed words that say what a title measures. */
export function measureTokens(title: string): Set<string> {
  const tokens = words(title)
    .filter((word) => !/\d/.test(word))
    .filter((word) => !STOPWORDS.has(word))
    .filter((word) => !DIRECTIONS.some((pattern) => pattern.test(word)))
    .map(stem);
  return new Set(tokens);
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (nothing to compare). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((token) => b.has(token)).length;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Words two token sets have in common, in the order of the first. */
export function sharedTokens(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((token) => b.has(token));
}
