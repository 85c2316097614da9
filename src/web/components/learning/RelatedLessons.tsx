import { Alert, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useLessons } from '../../api/learning.js';
import { LessonText } from './LessonText.js';

const RELATED = 3;

/**
 * While an objective is written, the lessons most related to its title and key results (any shared word counts,
 * best ranked first), so what the organisation learned shows up when the next OKRs are set.
 */
export function RelatedLessons({ text }: { text: string }) {
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const lessons = useLessons({ q: debounced, match: 'any', limit: RELATED }, debounced.length >= 3);
  const found = debounced.length >= 3 ? (lessons.data ?? []) : [];
  if (found.length === 0) return null;
  return (
    // Named by its title (Mantine labels the alert by it, which would hide an aria-label): "Lessons from earlier cycles".
    <Alert color="grape" variant="light" title="Lessons from earlier cycles" role="region">
      <Stack gap="xs">
        {found.map((lesson) => (
          <LessonText key={lesson.id} lesson={lesson} compact />
        ))}
      </Stack>
    </Alert>
  );
}
