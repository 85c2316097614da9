import { expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { auditEntries, teamMembers, users } from '../../src/db/schema/index.js';
import { Client, type ApiResponse } from '../support/client.js';
import { expectStatus } from '../support/fixtures.js';

export const SCIM = '/scim/v2';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** An identity provider: its bearer token, and bodies sent as application/scim+json like Okta and Entra send them. */
export class IdentityProvider {
  private readonly client: Client;
  constructor(baseUrl: string, token: string) {
    this.client = new Client(baseUrl, token);
  }
  send(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/scim+json' };
    return this.client.request(method, `${SCIM}${path}`, { body, headers });
  }
  get = (path: string) => this.send('GET', path);
  post = (path: string, body: unknown) => this.send('POST', path, body);
  put = (path: string, body: unknown) => this.send('PUT', path, body);
  patch = (path: string, operations: unknown[]) => this.send('PATCH', path, { schemas: [PATCH_OP], Operations: operations });
  delete = (path: string) => this.send('DELETE', path);
}

/** An admin issues a SCIM token on the settings page's API; the identity provider gets it. */
export async function connectIdentityProvider(baseUrl: string, admin: Client, name = 'Okta') {
  const created = await admin.post('/api/v1/scim-tokens', { name });
  expectStatus(created, 201);
  return new IdentityProvider(baseUrl, created.body.token as string);
}

export function expectScimError(response: ApiResponse, status: number, scimType?: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(response.body).toMatchObject({ schemas: [ERROR], status: String(status), detail: expect.any(String) });
  if (scimType) expect(response.body.scimType).toBe(scimType);
}

export const filterPath = (resource: string, attribute: string, value: string) =>
  `/${resource}?filter=${encodeURIComponent(`${attribute} eq "${value}"`)}`;

export async function personByEmail(db: Database, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function memberIdsOf(db: Database, orgId: string, teamId: string) {
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)));
  return rows.map((row) => row.userId).sort();
}

export async function scimAuditActions(db: Database, orgId: string) {
  const rows = await db
    .select({ action: auditEntries.action, actorName: auditEntries.actorName })
    .from(auditEntries)
    .where(and(eq(auditEntries.orgId, orgId), eq(auditEntries.actorName, 'SCIM')));
  return rows.map((row) => row.action);
}
