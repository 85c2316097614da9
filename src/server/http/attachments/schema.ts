import { z } from 'zod';

export const linkBody = z.object({
  title: z.string().trim().min(1, 'Give the link a title.').max(300),
  url: z.string().trim().min(1, 'Enter the address.').max(2000).describe('http or https only'),
});

export const linkView = z.object({
  id: z.string(),
  objectiveId: z.string().nullable(),
  keyResultId: z.string().nullable(),
  title: z.string(),
  url: z.string(),
  addedBy: z.string().nullable(),
  canRemove: z.boolean(),
  createdAt: z.string(),
});

export const fileView = z.object({
  id: z.string(),
  objectiveId: z.string().nullable(),
  keyResultId: z.string().nullable(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  addedBy: z.string().nullable(),
  canRemove: z.boolean(),
  downloadUrl: z.string(),
  createdAt: z.string(),
});

export const attachmentsView = z.object({
  can: z.object({ attach: z.boolean() }),
  links: z.array(linkView),
  files: z.array(fileView),
});

export const fileUsageView = z.object({
  files: z.number().int(),
  totalBytes: z.number().int(),
  maxFileBytes: z.number().int().describe('The largest file one may attach'),
});
