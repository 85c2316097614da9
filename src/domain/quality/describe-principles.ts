/**
 * The guiding principles in plain language, for the "Guiding principles"
 * page: one sentence per setting, then one per rule the organisation changed.
 */
import { formatShare, plural } from './helpers.js';
import { changedRules, resolvePrinciples } from './principles.js';
import type { QualityPrinciplesInput, RuleSetting, StretchPolicy } from './types.js';

function keyResultRange(min: number, max: number): string {
  if (min === max) return `Each objective has exactly ${plural(min, 'key result')}`;
  if (min <= 1) return `Each objective has at most ${max} key results`;
  return `Each objective has ${min} to ${max} key results`;
}

function stretchLines(policy: StretchPolicy): string[] {
  const lines: string[] = [];
  const cycles = policy.committedOnlyCycles;
  if (cycles === 1) lines.push('Your first cycle is committed objectives only');
  else if (cycles > 1) lines.push(`Your first ${cycles} cycles are committed objectives only`);
  const share = policy.maxAspirationalShare;
  const after = cycles > 0 ? 'After that, at' : 'At';
  if (share <= 0) {
    lines.push(`${cycles > 0 ? 'After that too, all' : 'All'} objectives are committed`);
  } else if (share < 1) {
    lines.push(`${after} most ${formatShare(share)} of a cycle’s objectives are aspirational`);
  }
  return lines;
}

const SETTING_WORDS: Readonly<Record<RuleSetting, string>> = {
  block: 'blocks publishing',
  warn: 'shows a warning',
  tip: 'shows a tip',
  off: 'is switched off',
};

/** Plain-language lines describing the principles in force. */
export function describePrinciples(input: QualityPrinciplesInput = {}): string[] {
  const principles = resolvePrinciples(input);
  return [
    keyResultRange(principles.minKeyResults, principles.maxKeyResults),
    `Nobody owns more than ${plural(principles.maxObjectivesPerOwner, 'objective')} in a cycle`,
    `Objective titles are at most ${principles.maxTitleLength} characters`,
    ...stretchLines(principles.stretchPolicy),
    ...changedRules(principles).map(
      ({ rule, setting }) => `“${rule.title}” ${SETTING_WORDS[setting]} (normally it ${SETTING_WORDS[rule.defaultSeverity]})`,
    ),
  ];
}
