import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { alignments, checkIns, cycles, invitations, keyResults, objectives, teams } from '../../src/db/schema/index.js';
import type { ApiResponse, Client } from '../support/client.js';

/** POST /api/v1/imports as a browser's form would send it: multipart with `file` and text fields. */
export async function postImport(
  client: Client,
  file: Buffer | string,
  fields: Record<string, string> = {},
  filename = 'okrs.csv',
): Promise<ApiResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), filename);
  const headers: Record<string, string> = { origin: client.baseUrl };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  else headers.cookie = client.cookieHeader;
  const response = await fetch(new URL('/api/v1/imports', client.baseUrl), { method: 'POST', headers, body: form });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
    text,
  };
}

/** A CSV from rows of cells, quoting what needs it. */
export const csv = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n') + '\n';

/** How many rows of each kind the organisation holds: "nothing written" is all of these unchanged. */
export async function countsOf(db: Database, orgId: string) {
  const count = async (
    table: typeof objectives | typeof keyResults | typeof alignments | typeof checkIns | typeof cycles | typeof teams | typeof invitations,
  ) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(table)
        .where(eq(table.orgId, orgId))
    )[0]!.n;
  return {
    objectives: await count(objectives),
    keyResults: await count(keyResults),
    alignments: await count(alignments),
    checkIns: await count(checkIns),
    cycles: await count(cycles),
    teams: await count(teams),
    invitations: await count(invitations),
  };
}

export const objectiveByTitle = async (db: Database, orgId: string, title: string) =>
  (
    await db
      .select()
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.title, title)))
  )[0];

export const keyResultByTitle = async (db: Database, orgId: string, title: string) =>
  (
    await db
      .select()
      .from(keyResults)
      .where(and(eq(keyResults.orgId, orgId), eq(keyResults.title, title)))
  )[0];
