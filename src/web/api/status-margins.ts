import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { statusMargins } from '../../server/http/organization/status-margins-routes.js';
import { api } from './client.js';

export type StatusMargins = z.infer<typeof statusMargins>;

export const statusMarginsKey = ['organization', 'status-margins'] as const;

export const useStatusMargins = () =>
  useQuery({ queryKey: statusMarginsKey, queryFn: () => api<StatusMargins>('/api/v1/organization/status-margins') });

export const saveStatusMargins = (margins: StatusMargins) =>
  api<StatusMargins>('/api/v1/organization/status-margins', { method: 'PUT', body: margins });
