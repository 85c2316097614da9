import { describe, expect, it } from 'vitest';
import { checkQuality } from '../check-quality.js';
import { objective, run } from '../test-fixtures.js';
import type { QualityContext, RelatedLesson } from '../types.js';
import { relatedLesson } from './related-lesson.js';

const lesson: RelatedLesson = {
  id: 'lesson-1',
  text: 'Onboarding stalled without a clear owner',
  cycleName: 'Q1 2025',
  teamName: 'Growth',
  outcome: 'missed',
};

describe('related-lesson', () => {
  it.each<[string, string | undefined, QualityContext, string[]]>([
    ['a new objective with a related lesson', undefined, { relatedLesson: lesson }, ['lesson-1']],
    ['a draft with a related lesson', 'draft', { relatedLesson: lesson }, ['lesson-1']],
    ['a running objective: the time to read it has passed', 'active', { relatedLesson: lesson }, []],
    ['no related lesson', undefined, {}, []],
  ])('%s', (_name, status, context, lessonIds) => {
    expect(run(relatedLesson, objective({ status }), context).map((f) => f.lessonId)).toEqual(lessonIds);
  });

  it('names the lesson, where it was learned and how the objective ended', () => {
    expect(run(relatedLesson, objective({ status: 'draft' }), { relatedLesson: lesson })[0]).toMatchObject({
      field: 'title',
      message: 'A lesson from Q1 2025, Growth, objective missed may apply: “Onboarding stalled without a clear owner”',
    });
    const companyWide = { ...lesson, teamName: null, outcome: null };
    expect(run(relatedLesson, objective({ status: 'draft' }), { relatedLesson: companyWide })[0]?.message).toBe(
      'A lesson from Q1 2025 may apply: “Onboarding stalled without a clear owner”',
    );
  });

  it('points without costing quality points or blocking, whatever the principles set it to', () => {
    const draft = objective({ status: 'draft' });
    const without = checkQuality(draft, {});
    const withLesson = checkQuality(draft, { relatedLesson: lesson }, { rules: { 'related-lesson': 'block' } });
    expect(withLesson.findings.map((f) => f.ruleId)).toContain('related-lesson');
    expect(withLesson.score).toBe(without.score);
    expect(withLesson.blocking).toBe(without.blocking);
  });
});
