import { describe, expect, it } from 'vitest';
import { pathContent } from './content.js';

const paragraphs = (step: string, principles = {}) =>
  pathContent('lead', principles)
    .find((c) => c.step === step)!
    .paragraphs.join(' ');

describe('onboarding content', () => {
  it('words the key-result limits and the stretch policy with the guiding principles', () => {
    expect(paragraphs('what-are-okrs')).toContain('2 to 5 key results');
    expect(paragraphs('what-are-okrs')).toContain('the first cycle are committed only; after that at most 30%');
    const custom = { minKeyResults: 1, maxKeyResults: 3, stretchPolicy: { committedOnlyCycles: 0, maxAspirationalShare: 0 } };
    expect(paragraphs('what-are-okrs', custom)).toContain('1 to 3 key results');
    expect(paragraphs('what-are-okrs', custom)).toContain('Here every objective is committed.');
    expect(paragraphs('review-drafts', custom)).toContain('1 to 3 measurable key results');
  });

  it.each([
    [{}, ['Key results must be measurable', 'Measure outcomes, not outputs'], true],
    [{ rules: { 'key-result-is-output': 'off' as const } }, ['Key results must be measurable'], false],
  ])('shows the coach’s findings on the weak draft with principles %o', (principles, rules, outputShown) => {
    const examples = pathContent('member', principles).find((c) => c.step === 'examples')!;
    const found = examples.example!.findings.map((f) => f.rule);
    for (const rule of rules) expect(found).toContain(rule);
    expect(found.includes('Measure outcomes, not outputs')).toBe(outputShown);
    expect(examples.ruleExamples!.some((r) => r.rule === 'Measure outcomes, not outputs')).toBe(outputShown);
    expect(examples.example!.weakScore).toBeLessThan(examples.example!.strongScore);
    expect(examples.example!.strongScore).toBe(100);
  });

  it('offers the lead steps only on the lead path', () => {
    expect(pathContent('member').map((c) => c.step)).not.toContain('review-drafts');
    expect(pathContent('lead').at(-1)!.title).toBe('Reviewing your team’s drafts');
  });
});
