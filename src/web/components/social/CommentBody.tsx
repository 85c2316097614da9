import { Text } from '@mantine/core';
import { segments } from './mention-text.js';

/** A comment's text with its mentions set off; line breaks kept. */
export function CommentBody({ body }: { body: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {segments(body).map((part, i) =>
        'mention' in part ? (
          <Text key={i} span fw={600} c="teal.9" size="sm">
            @{part.mention.name}
          </Text>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
