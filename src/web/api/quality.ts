import { useQuery } from '@tanstack/react-query';
import type { Finding, QualityPrinciples, RuleSetting, Severity } from '../../domain/quality/index.js';
import { api } from './client.js';

export interface RuleCard {
  id: string;
  title: string;
  defaultSeverity: Severity;
  setting: RuleSetting;
  why: string;
  weakExample: string;
  strongExample: string;
}

export interface GuidingPrinciples {
  rules: RuleCard[];
  principles: QualityPrinciples;
  description: string[];
}

export interface QualityReport {
  findings: Finding[];
  score: number;
  blocking: boolean;
}

export const useGuidingPrinciples = () =>
  useQuery({ queryKey: ['quality', 'rules'], queryFn: () => api<GuidingPrinciples>('/api/v1/quality/rules'), staleTime: 60_000 });
export const useObjectiveQuality = (objectiveId: string) =>
  useQuery({
    queryKey: ['objectives', objectiveId, 'quality'],
    queryFn: () => api<QualityReport>(`/api/v1/objectives/${objectiveId}/quality`),
  });
