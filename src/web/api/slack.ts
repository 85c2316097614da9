import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { slackCredentialsBody, slackInstallationView, slackLinkCodeView, slackLinkView } from '../../server/http/slack/schema.js';
import { api } from './client.js';

export type SlackInstallation = z.infer<typeof slackInstallationView>;
export type SlackCredentials = z.infer<typeof slackCredentialsBody>;
export type SlackLink = z.infer<typeof slackLinkView>;
export type SlackLinkCode = z.infer<typeof slackLinkCodeView>;

export const slackInstallationKey = ['slack', 'installation'] as const;
export const slackLinkKey = ['slack', 'link'] as const;

export const useSlackInstallation = () =>
  useQuery({ queryKey: slackInstallationKey, queryFn: () => api<SlackInstallation>('/api/v1/slack/installation') });

export const saveSlackInstallation = (credentials: SlackCredentials) =>
  api<SlackInstallation>('/api/v1/slack/installation', { method: 'PUT', body: credentials });

export const useSlackLink = () => useQuery({ queryKey: slackLinkKey, queryFn: () => api<SlackLink>('/api/v1/slack/link') });

export const createSlackLinkCode = () => api<SlackLinkCode>('/api/v1/slack/link-code', { method: 'POST' });

export const unlinkSlack = () => api<null>('/api/v1/slack/link', { method: 'DELETE' });
