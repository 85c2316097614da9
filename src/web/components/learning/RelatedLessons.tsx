import { Alert, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RelatedLesson } from '../../../domain/quality/index.js';
import { useLessons, type FoundLesson } from '../../api/learning.js';
import { LessonText } from './LessonText.js';

const RELATED = 3;

/**
 * While an objective is written, the lessons most related to its title and key results (any shared word counts,
 * best ranked first; the objective's own lessons left out), so what the organisation learned shows up when the next
 * OKRs are set. The best one is also what the quality coach points at (`coachLesson`).
 */
export function useRelatedLessons(text: string, exceptObjectiveId?: string): FoundLesson[] {
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const lessons = useLessons({ q: debounced, match: 'any', limit: RELATED + 1 }, debounced.length >= 3);
  const found = debounced.length >= 3 ? (lessons.data ?? []) : [];
  return found.filter((lesson) => !exceptObjectiveId || lesson.objectiveId !== exceptObjectiveId).slice(0, RELATED);
}

/** The best related lesson as the coach's context names it. */
export const coachLesson = (found: FoundLesson[]): RelatedLesson | undefined => {
  const best = found[0];
  return best && { id: best.id, text: best.text, cycleName: best.cycleName, teamName: best.teamName, outcome: best.outcome };
};

export function RelatedLessons({ lessons }: { lessons: FoundLesson[] }) {
  if (lessons.length === 0) return null;
  return (
    // Named by its title (Mantine labels the alert by it, which would hide an aria-label): "Lessons from earlier cycles".
    <Alert color="grape" variant="light" title="Lessons from earlier cycles" role="region">
      <Stack gap="xs">
        {lessons.map((lesson) => (
          <LessonText key={lesson.id} lesson={lesson} compact />
        ))}
      </Stack>
    </Alert>
  );
}
