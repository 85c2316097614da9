import { Badge, Card, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { OnboardingStepView } from '../../api/onboarding.js';

const SEVERITY_WORDS = { block: 'Blocks publishing', warn: 'Warning', tip: 'Tip' } as const;
const SEVERITY_COLOR = { block: 'red', warn: 'yellow', tip: 'blue' } as const;

type Example = NonNullable<OnboardingStepView['example']>;

function Draft({ label, draft, score }: { label: string; draft: Example['weak']; score: number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label} · quality {score} of 100
      </Text>
      <Text fw={600}>{draft.objective}</Text>
      <List size="sm" spacing={2}>
        {draft.keyResults.map((kr) => (
          <List.Item key={kr}>{kr}</List.Item>
        ))}
      </List>
    </Card>
  );
}

/** A weak draft, what the organisation's quality coach says about it, and the strong version. */
export function WorkedExample({ step }: { step: OnboardingStepView }) {
  if (!step.example) return null;
  const { example } = step;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Draft label="Weak" draft={example.weak} score={example.weakScore} />
        <Draft label="Strong" draft={example.strong} score={example.strongScore} />
      </SimpleGrid>
      <Text size="sm" fw={600}>
        What the coach says about the weak draft
      </Text>
      <List size="sm" spacing={4}>
        {example.findings.map((f) => (
          <List.Item key={`${f.rule}-${f.message}`}>
            <Badge size="xs" color={SEVERITY_COLOR[f.severity]} variant="light" mr={6}>
              {SEVERITY_WORDS[f.severity]}
            </Badge>
            <strong>{f.rule}:</strong> {f.message}
          </List.Item>
        ))}
      </List>
      {step.ruleExamples && step.ruleExamples.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            More weak and strong wordings
          </Text>
          <List size="sm" spacing={4}>
            {step.ruleExamples.map((r) => (
              <List.Item key={r.rule}>
                <strong>{r.rule}</strong>: not “{r.weak}” but “{r.strong}”.
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
