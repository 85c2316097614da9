import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publicRouteKeys } from '../../src/server/http/public-routes.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, setUpOrganization } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Operation {
  method: string;
  path: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operationsOf(document: { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
  );
}

const isPublic = (operation: Operation) => Array.isArray(operation.security) && operation.security.length === 0;
const withRandomIds = (path: string) => path.replace(/\{[^}]+\}/g, () => randomUUID());
const label = (operation: Operation) => `${operation.method} ${operation.path}`;

describeEachEngine('the OpenAPI document guards authentication', (engine) => {
  let server: TestServer;
  let operations: Operation[];
  beforeAll(async () => {
    await engine().reset();
    server = await startTestServer(engine().handle);
    // An organisation exists, so nothing answers differently because setup is still open.
    await setUpOrganization(server.url);
    operations = operationsOf((await new Client(server.url).get('/api/openapi.json')).body);
  });
  afterAll(() => server?.close());

  it('marks exactly the reviewed allow-list as public', () => {
    const documented = operations.filter(isPublic).map(label).sort();
    const allowed = publicRouteKeys()
      .map((key) => key.replace(/:(\w+)/g, '{$1}'))
      .sort();
    expect(documented).toEqual(allowed);
    expect(operations.filter((operation) => !isPublic(operation)).length).toBeGreaterThan(50);
  });

  it('answers 401 problem+json to every other operation called without credentials, before validation', async () => {
    const answered: string[] = [];
    for (const operation of operations.filter((op) => !isPublic(op))) {
      const response = await new Client(server.url).request(operation.method, withRandomIds(operation.path), {
        headers: { origin: 'https://elsewhere.example' },
      });
      const type = response.headers.get('content-type')?.split(';')[0];
      answered.push(`${label(operation)} → ${response.status} ${type} ${response.body?.type ?? response.text.slice(0, 60)}`);
    }
    // Every answer listed, so a failure names each unguarded operation at once. SCIM keeps its own error format (RFC 7644).
    const guarded = (line: string) =>
      line.endsWith('→ 401 application/problem+json /problems/unauthenticated') ||
      (/ \/scim\/v2\//.test(line) &&
        line.includes('→ 401 application/scim+json {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"]'));
    expect(answered.filter((line) => !guarded(line))).toEqual([]);
  });

  it('answers 401 to an unknown bearer token as to no credentials', async () => {
    const stranger = new Client(server.url, 'cairn_not-a-real-token-000000000000');
    for (const operation of operations.filter((op) => !isPublic(op) && op.method === 'GET').slice(0, 10)) {
      expectProblem(await stranger.get(withRandomIds(operation.path)), 401, '/problems/unauthenticated');
    }
  });

  it('lets public operations through without credentials', async () => {
    for (const operation of operations.filter(isPublic)) {
      const response = await new Client(server.url).request(operation.method, withRandomIds(operation.path));
      expect(response.status, label(operation)).not.toBe(401);
    }
  });

  it('declares the problems each operation can answer, as application/problem+json', () => {
    const missing: string[] = [];
    for (const operation of operations.filter((op) => op.path.startsWith('/api/v1/'))) {
      const expected: string[] = [];
      if (!isPublic(operation)) expected.push('401', '403');
      if (operation.path.includes('{')) expected.push('404');
      if (operation.requestBody || (operation.parameters ?? []).length > 0) expected.push('400');
      for (const status of expected) {
        const content = operation.responses[status]?.content ?? {};
        if (!('application/problem+json' in content)) missing.push(`${label(operation)} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
