import { expect } from 'vitest';
import { Client } from '../support/client.js';
import type { OrganizationDocument, Row } from '../../src/server/services/exports/document.js';
import { idRemapper } from '../../src/server/services/exports/remap-ids.js';

export const API = '/api/v1';

export async function signIn(url: string, email: string, password: string): Promise<Client> {
  const client = new Client(url);
  const response = await client.post('/api/auth/sign-in/email', { email, password });
  expect(response.status, response.text).toBe(200);
  return client;
}

export async function exportDocument(client: Client): Promise<OrganizationDocument> {
  const response = await client.get(`${API}/exports/organization`);
  expect(response.status, response.text.slice(0, 500)).toBe(200);
  return JSON.parse(response.text) as OrganizationDocument;
}

/** A document's rows as sorted canonical JSON per table, so two documents compare regardless of row order. */
export function canonical(document: OrganizationDocument): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  for (const [name, rows] of Object.entries(document.tables)) tables[name] = rows.map((row) => JSON.stringify(sortKeys(row))).sort();
  return { organization: [JSON.stringify(sortKeys(document.organization))], ...tables };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

/** The first document with its ids mapped as an import into `targetOrgId` maps them (the importer keeps their id). */
export function remapped(document: OrganizationDocument, targetOrgId: string, importer: { from: string; to: string }) {
  const people = new Set((document.tables.users ?? []).map((p: Row) => String(p.id)));
  const fixed = new Map([
    [String(document.organization.id), targetOrgId],
    [importer.from, importer.to],
  ]);
  const { remap } = idRemapper(targetOrgId, fixed, people);
  return remap(document) as OrganizationDocument;
}
