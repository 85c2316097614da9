/**
 * Reading titles: which words are there, which numbers, which vague verbs.
 *
 * Deliberately simple pattern matching rather than language models, so every
 * finding can be explained by pointing at the words that triggered it.
 */

/** `(?:a|b|c)` for building patterns from word lists (plain words only, no escaping). */
export function anyOf(items: readonly string[]): string {
  return `(?:${items.join('|')})`;
}

/** Lowercase words of a text; hyphenated words and contractions stay whole. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

// A number standing on its own: "45", "7.1", "2,000,000", "30%", "$2M",
// "10x", "45k". Letters glued to digits make a label, not a quantity:
// Q3, H1, B2B, 2FA, 1st.
const NUMBER = /(?<![\p{L}\p{N}])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:%|bn|pp|[kmx])?(?![\p{L}\p{N}])/giu;
const YEAR = /^(?:19|20)\d\d$/;
const DATE_WORDS = new Set(['in', 'by', 'for', 'during', 'before', 'after', 'until', 'till', 'since', 'of', 'end', 'fy']);

/** A quantity found in a text, with the position where it starts. */
export interface NumberMatch {
  readonly text: string;
  readonly index: number;
}

/**
 * The quantities written in a text, in order. A year used as a date
 * ("by 2026", "in 2025") is a deadline, not a quantity, and is left out.
 */
export function numberMatches(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const value = match[0];
    if (YEAR.test(value)) {
      const before = words(text.slice(0, match.index)).at(-1);
      if (before !== undefined && DATE_WORDS.has(before)) continue;
    }
    found.push({ text: value, index: match.index });
  }
  return found;
}

export function findNumbers(text: string): string[] {
  return numberMatches(text).map((match) => match.text);
}

export function hasNumber(text: string): boolean {
  return findNumbers(text).length > 0;
}

// Words that promise a direction but not a size. Fine next to numbers
// ("Improve NPS from 32 to 45"), vague on their own ("Improve NPS").
const VAGUE = [
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
  /^rais(?:e|es|ed|ing)$/,
  /^lower$/,
  /^decreas/,
  /^expand/,
  /^accelerat/,
  /^streamlin/,
];

/** Vague direction words in a title, as written (lowercase), without repeats. */
export function vagueWords(text: string): string[] {
  const found = words(text).filter((word) => VAGUE.some((pattern) => pattern.test(word)));
  return [...new Set(found)];
}

/** "from 32 to 45", "20% → 45%", "10 -> 3": a start and an end are both stated. */
export function statesChange(text: string): boolean {
  const lower = text.toLowerCase();
  if (/\bfrom\b.*\d.*\bto\b.*\d/.test(lower)) return true;
  return /(?:→|->|=>|⇒)\s*\S*\d/.test(lower);
}

/** Joins quoted words for a message: “a”, “b” and “c”. */
export function listWords(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
