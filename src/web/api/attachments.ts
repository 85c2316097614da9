import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attachmentsView, fileView, linkBody, linkView } from '../../server/http/attachments/schema.js';
import { api, ApiError, type FieldProblem } from './client.js';

export type Attachments = z.infer<typeof attachmentsView>;
export type OkrLink = z.infer<typeof linkView>;
export type OkrFile = z.infer<typeof fileView>;
export type LinkInput = z.input<typeof linkBody>;

/** What links and files hang on. */
export type AttachmentParent = { kind: 'objectives' | 'key-results'; id: string };

export const attachmentKeys = { of: (parent: AttachmentParent) => ['attachments', parent.kind, parent.id] as const };

export const useAttachments = (parent: AttachmentParent) =>
  useQuery({ queryKey: attachmentKeys.of(parent), queryFn: () => api<Attachments>(`/api/v1/${parent.kind}/${parent.id}/attachments`) });

export const addLink = (parent: AttachmentParent, body: LinkInput) =>
  api<OkrLink>(`/api/v1/${parent.kind}/${parent.id}/links`, { method: 'POST', body });
export const removeLink = (id: string) => api<void>(`/api/v1/links/${id}`, { method: 'DELETE' });
export const removeFile = (id: string) => api<void>(`/api/v1/files/${id}`, { method: 'DELETE' });

/** Sends the file as multipart (the JSON client cannot). */
export async function uploadFile(parent: AttachmentParent, file: File): Promise<OkrFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api/v1/${parent.kind}/${parent.id}/files`, { method: 'POST', credentials: 'same-origin', body: form });
  const data = (await response.json()) as OkrFile & { type?: string; detail?: string; errors?: FieldProblem[] };
  if (!response.ok)
    throw new ApiError(response.status, data.type ?? 'unknown', data.detail ?? `Upload failed (${response.status})`, data.errors ?? []);
  return data;
}
