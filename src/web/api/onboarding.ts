import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { onboardingStepView, onboardingView } from '../../server/http/onboarding/schema.js';
import { api } from './client.js';

export type Onboarding = z.infer<typeof onboardingView>;
export type OnboardingStepView = z.infer<typeof onboardingStepView>;

export const onboardingKey = ['onboarding'] as const;

export const useOnboarding = () => useQuery({ queryKey: onboardingKey, queryFn: () => api<Onboarding>('/api/v1/onboarding') });

export const completeOnboardingStep = (step: OnboardingStepView['step']) =>
  api<Onboarding>(`/api/v1/onboarding/steps/${step}/complete`, { method: 'POST', body: {} });
