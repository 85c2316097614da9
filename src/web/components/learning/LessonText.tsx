import { Badge, Group, Stack, Text } from '@mantine/core';
import type { FoundLesson } from '../../api/learning.js';

/** A lesson's text with the words that matched the search marked, then where it came from. */
export function LessonText({ lesson, compact = false }: { lesson: FoundLesson; compact?: boolean }) {
  return (
    <Stack gap={4}>
      <Text size={compact ? 'sm' : 'md'}>
        {lesson.highlight.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </Text>
      <Group gap={6}>
        {lesson.tags.map((tag) => (
          <Badge key={tag} variant="light" size="sm">
            #{tag}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          {[lesson.teamName, lesson.cycleName, lesson.objectiveTitle, lesson.outcome].filter(Boolean).join(' · ')}
        </Text>
      </Group>
    </Stack>
  );
}
