import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resultsView, surveyCreate, surveyDetail, surveyListItem, templatesView } from '../../server/http/surveys/schema.js';
import { api } from './client.js';

export type SurveyListItem = z.infer<typeof surveyListItem>;
export type SurveyDetail = z.infer<typeof surveyDetail>;
export type SurveyResults = z.infer<typeof resultsView>;
export type SurveyTemplate = z.infer<typeof templatesView>[number];
export type SurveyCreate = z.input<typeof surveyCreate>;
export interface Champion {
  id: string;
  name: string;
  email: string;
  title: string | null;
}

export const surveyKeys = { all: ['surveys'] as const, one: (id: string) => ['surveys', id] as const };

export const useSurveys = () => useQuery({ queryKey: surveyKeys.all, queryFn: () => api<SurveyListItem[]>('/api/v1/surveys') });
export const useSurveyTemplates = (enabled: boolean) =>
  useQuery({ queryKey: ['surveys', 'templates'], queryFn: () => api<SurveyTemplate[]>('/api/v1/surveys/templates'), enabled });
export const useSurvey = (id: string) =>
  useQuery({ queryKey: surveyKeys.one(id), queryFn: () => api<SurveyDetail>(`/api/v1/surveys/${id}`) });
export const useSurveyResults = (id: string) =>
  useQuery({ queryKey: [...surveyKeys.one(id), 'results'], queryFn: () => api<SurveyResults>(`/api/v1/surveys/${id}/results`) });
export const useChampions = () => useQuery({ queryKey: ['champions'], queryFn: () => api<Champion[]>('/api/v1/champions') });
export const usePilot = (enabled: boolean) =>
  useQuery({
    queryKey: ['rollout', 'pilot'],
    queryFn: () => api<{ teams: { id: string; name: string }[] }>('/api/v1/rollout/pilot'),
    enabled,
  });

export const createSurvey = (body: SurveyCreate) => api<SurveyListItem>('/api/v1/surveys', { method: 'POST', body });
export const answerSurvey = (id: string, answers: { questionId: string; value: number | boolean | string }[]) =>
  api<{ received: true }>(`/api/v1/surveys/${id}/responses`, { method: 'POST', body: { answers } });
export const setSurveySchedule = (id: string, schedule: SurveyListItem['schedule']) =>
  api<SurveyListItem>(`/api/v1/surveys/${id}`, { method: 'PATCH', body: { schedule } });
export const closeSurvey = (id: string) => api(`/api/v1/surveys/${id}/close`, { method: 'POST', body: {} });
export const hideTexts = (id: string, textIds: string[], hidden: boolean) =>
  api<{ changed: number }>(`/api/v1/surveys/${id}/texts`, { method: 'POST', body: { textIds, hidden } });
export const setPilot = (teamIds: string[]) => api('/api/v1/rollout/pilot', { method: 'PUT', body: { teamIds } });
