import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { z } from 'zod';
import type { DatabaseHandle } from '../../src/db/database.js';
import type { userSchema } from '../../src/server/http/setup/schema.js';
import { Client, type ApiResponse } from './client.js';
import { startTestServer, TEST_SETUP_CODE, type TestServer } from './server.js';

export const PASSWORD = 'correct horse battery';

let counter = 0;
/** Emails are unique across the whole database, so every fixture person gets a fresh one. */
export const uniqueEmail = (label = 'person') => `${label}-${process.pid}-${++counter}@example.test`;

/** A person as the API presents them, inferred from the server's schema. */
export type UserView = z.output<typeof userSchema>;

export interface Person {
  client: Client;
  user: UserView;
  password: string;
}

/** Asserts an RFC 9457 problem response and returns its body. */
export function expectProblem(response: ApiResponse, status: number, type: string, field?: string) {
  expect({ status: response.status, type: response.body?.type }, response.text).toEqual({ status, type });
  if (field !== undefined) expect(response.body.field, response.text).toBe(field);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (field !== undefined)
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]));
  return response.body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    field?: string;
    errors?: { field: string; message: string }[];
  };
}

export function expectStatus(response: ApiResponse, status: number): void {
  expect(response.status, `${response.status} ${response.text}`).toBe(status);
}

/** First-run setup through the API; the returned owner's client holds the session cookie. */
export async function setUpOrganization(
  url: string,
  input: { organization?: string; name?: string; email?: string; password?: string } = {},
) {
  const client = new Client(url);
  const password = input.password ?? PASSWORD;
  const response = await client.post('/api/v1/setup', {
    organization: input.organization ?? 'Acme',
    name: input.name ?? 'Olivia Owner',
    email: input.email ?? uniqueEmail('owner'),
    password,
    setupCode: TEST_SETUP_CODE,
  });
  expectStatus(response, 201);
  const owner: Person = { client, user: response.body.user, password };
  return { owner, organization: response.body.organization as { id: string; name: string; timeZone: string } };
}

export const tokenOfLink = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/** Invites a person as `admin` and accepts in a new browser, which ends up signed in. */
export async function addPerson(
  admin: Client,
  input: { role?: 'admin' | 'member'; teamId?: string; name?: string; email?: string } = {},
): Promise<Person> {
  const invited = await admin.post('/api/v1/invitations', {
    email: input.email ?? uniqueEmail(input.role ?? 'member'),
    role: input.role,
    teamId: input.teamId,
  });
  expectStatus(invited, 201);
  const client = new Client(admin.baseUrl);
  const accepted = await client.post('/api/v1/invitations/accept', {
    token: tokenOfLink(invited.body.link),
    name: input.name ?? 'Pat Person',
    password: PASSWORD,
  });
  expectStatus(accepted, 201);
  return { client, user: accepted.body, password: PASSWORD };
}

export async function createTeam(
  admin: Client,
  body: { name: string; kind?: 'department' | 'team'; parentId?: string | null; description?: string | null },
) {
  const response = await admin.post('/api/v1/teams', body);
  expectStatus(response, 201);
  return response.body as { id: string; name: string; kind: string; parentId: string | null; memberCount: number | null };
}

/**
 * The usual API suite set-up: one server per engine; before each test an empty database and a fresh
 * organisation whose owner is signed in. Read `t.owner` / `t.server` inside tests.
 */
export function useOrganization(engine: () => { handle: DatabaseHandle; reset(): Promise<void> }) {
  const holder = { server: undefined as unknown as TestServer, owner: undefined as unknown as Person };
  beforeAll(async () => {
    holder.server = await startTestServer(engine().handle);
  });
  afterAll(() => holder.server?.close());
  beforeEach(async () => {
    await engine().reset();
    holder.owner = (await setUpOrganization(holder.server.url)).owner;
  });
  return holder;
}
