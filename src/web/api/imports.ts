import { ApiError, type FieldProblem } from './client.js';

export type RowAction = 'create' | 'update' | 'unchanged';

/** What POST /api/v1/imports answers: the preview of a dry run, or what an apply did. */
export interface ImportPreview {
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  counts: {
    objectives: Record<RowAction, number>;
    keyResults: Record<RowAction, number>;
    alignments: { create: number };
    cycles: { create: number };
    teams: { create: number };
    invitations: number;
    checkIns: number;
  };
  cyclesToCreate: { name: string; startDate: string; endDate: string }[];
  teamsToCreate: string[];
  peopleToInvite: string[];
  rows: { row: number; rowId: string; type: 'objective' | 'key_result'; title: string; action: RowAction }[];
  skipped: { row: number; rowId: string; type: string }[];
  unmappedHeaders: string[];
  errors: { row: number; column: string; message: string }[];
}

export const templateUrl = (format: 'csv' | 'xlsx') => `/api/v1/imports/template?format=${format}`;

/** Sends the file as multipart (the JSON client cannot): a dry run unless `apply`. */
export async function sendImport(file: File, apply: boolean): Promise<ImportPreview> {
  const form = new FormData();
  form.append('dryRun', apply ? 'false' : 'true');
  form.append('file', file, file.name);
  const response = await fetch('/api/v1/imports', { method: 'POST', credentials: 'same-origin', body: form });
  const data = (await response.json()) as ImportPreview & { type?: string; detail?: string; errors?: FieldProblem[] };
  if (!response.ok)
    throw new ApiError(response.status, data.type ?? 'unknown', data.detail ?? `Import failed (${response.status})`, data.errors ?? []);
  return data;
}
