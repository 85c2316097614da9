import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { forwardRef } from 'react';
import { Link } from 'react-router';
import type { OnboardingStepView } from '../../api/onboarding.js';
import { WorkedExample } from './WorkedExample.js';

interface Props {
  step: OnboardingStepView;
  index: number;
  pending: boolean;
  onDone: () => void;
}

/** One step of the path: its content and a "Done" button (the first check-in completes by itself). */
export const OnboardingStepCard = forwardRef<HTMLHeadingElement, Props>(function OnboardingStepCard({ step, index, pending, onDone }, ref) {
  const headingId = `onboarding-step-${step.step}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId} ref={ref} tabIndex={-1}>
            {index + 1}. {step.title}
          </Title>
          {step.done && (
            <Badge color="teal" variant="light">
              Done
            </Badge>
          )}
        </Group>
        {step.paragraphs.map((p) => (
          <Text size="sm" key={p}>
            {p}
          </Text>
        ))}
        <WorkedExample step={step} />
        {step.step === 'first-check-in'
          ? !step.done && (
              <Text size="sm" c="dimmed">
                Go to{' '}
                <Anchor component={Link} to="/" underline="always">
                  My week
                </Anchor>{' '}
                and press “Check in” on one of your key results.
              </Text>
            )
          : !step.done && (
              <Group>
                <Button onClick={onDone} loading={pending} aria-label={`Done: ${step.title}`}>
                  Done
                </Button>
              </Group>
            )}
      </Stack>
    </Card>
  );
});
