import { Chip, Group, Text } from '@mantine/core';

const SCALE = Array.from({ length: 11 }, (_, i) => i);

/**
 * Self-reported confidence, 0 to 10, that starts unset: a default would be a number nobody chose,
 * and the check-in asks for it each time.
 */
export function ConfidencePicker({ value, onChange, error }: { value: number | null; onChange: (value: number) => void; error?: string }) {
  return (
    <div role="radiogroup" aria-labelledby="confidence-label" aria-describedby="confidence-hint">
      <Text size="sm" fw={500} id="confidence-label">
        Confidence{value === null ? '' : `: ${value}/10`}{' '}
        <Text span c="red" aria-hidden>
          *
        </Text>
      </Text>
      <Text size="xs" c="dimmed" id="confidence-hint" mb={4}>
        How sure are you of reaching the target by the end of the cycle? 0: not at all, 10: certain.
      </Text>
      <Chip.Group multiple={false} value={value === null ? null : String(value)} onChange={(v) => onChange(Number(v))}>
        <Group gap={4}>
          {SCALE.map((n) => (
            <Chip key={n} type="radio" value={String(n)} size="xs" variant="outline">
              {n}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
