import { Alert, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { completeOnboardingStep, onboardingKey, useOnboarding, type OnboardingStepView } from '../api/onboarding.js';
import { keys, useApiMutation } from '../api/queries.js';
import { OnboardingStepCard } from '../components/onboarding/OnboardingStepCard.js';
import { showRefusal } from '../components/rollout/mutation-feedback.js';

/** The guided path, resumable: every step in order with its content; after "Done", focus moves to the next step. */
export function WelcomePage() {
  const onboarding = useOnboarding();
  const client = useQueryClient();
  // /me carries the progress Home's prompt shows.
  const complete = useApiMutation(completeOnboardingStep, [keys.me]);
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext) headings.current.get(focusNext)?.focus();
  }, [focusNext, onboarding.data]);
  if (onboarding.isPending) return <Loader aria-label="Loading your onboarding path" />;
  if (!onboarding.data) return <Alert color="red">Your onboarding path could not be loaded.</Alert>;
  const { data } = onboarding;
  const done = (step: OnboardingStepView) =>
    complete.mutate(step.step, {
      onSuccess: (next) => {
        client.setQueryData(onboardingKey, next);
        setFocusNext(next.next);
      },
      onError: showRefusal('Step not saved'),
    });
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} size="h2">
          {data.path === 'lead' ? 'Welcome to leading with OKRs' : 'Welcome to OKRs'}
        </Title>
        <Text c="dimmed">
          {data.path === 'lead'
            ? 'You lead a team: this short path covers the method, the weekly rhythm and what leading asks of you.'
            : 'A short path through the method and what is asked of you each week. You can stop and come back any time.'}
        </Text>
      </div>
      <div>
        <Text size="sm" fw={600}>
          {data.done} of {data.total} steps done{data.finished ? ': well done!' : ''}
        </Text>
        <Progress
          value={(data.done / data.total) * 100}
          aria-label={`Onboarding path: ${data.done} of ${data.total} steps done`}
          color="teal"
        />
      </div>
      {data.steps.map((step, index) => (
        <OnboardingStepCard
          key={step.step}
          ref={(el) => {
            if (el) headings.current.set(step.step, el);
          }}
          step={step}
          index={index}
          pending={complete.isPending && complete.variables === step.step}
          onDone={() => done(step)}
        />
      ))}
    </Stack>
  );
}
