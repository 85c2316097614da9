import { describe, expect, it } from 'vitest';
import { defaultRouteScope, normalizeScopes, scopeGrants, type RouteScope, type TokenScope } from './token-scopes.js';

describe('defaultRouteScope', () => {
  it.each<[string, string, RouteScope]>([
    ['GET', '/api/v1/objectives/:id', 'read'],
    ['HEAD', '/api/v1/teams', 'read'],
    ['GET', '/api/v1/teams', 'read'],
    ['GET', '/api/v1/audit', 'admin'],
    ['GET', '/api/v1/service-tokens', 'admin'],
    ['POST', '/api/v1/key-results/:id/check-ins', 'write:check-ins'],
    ['PATCH', '/api/v1/check-ins/:id', 'write:check-ins'],
    ['POST', '/api/v1/kpis/:id/values', 'write:check-ins'],
    ['POST', '/api/v1/objectives', 'write:okrs'],
    ['PATCH', '/api/v1/key-results/:id', 'write:okrs'],
    ['POST', '/api/v1/teams', 'admin'],
    ['PATCH', '/api/v1/users/:id', 'admin'],
    ['PATCH', '/api/v1/organization', 'admin'],
    ['PUT', '/api/v1/organization/rhythm', 'admin'],
    ['POST', '/api/v1/tokens', 'session'],
    ['POST', '/api/v1/service-tokens', 'session'],
    ['POST', '/api/v1/kpis/:id/ingest-tokens', 'session'],
    ['PUT', '/api/v1/me/password', 'session'],
    ['DELETE', '/api/v1/tokens/:id', 'write:okrs'],
  ])('%s %s needs %s', (method, url, scope) => {
    expect(defaultRouteScope(method, url)).toBe(scope);
  });
});

describe('scopeGrants', () => {
  it.each<[TokenScope[], RouteScope, boolean]>([
    [['read'], 'read', true],
    [['read'], 'write:okrs', false],
    [['write:check-ins'], 'read', false],
    [['write:check-ins'], 'write:check-ins', true],
    [['admin'], 'write:okrs', true],
    [['admin'], 'read', true],
    [['read', 'write:okrs', 'write:check-ins', 'admin'], 'session', false],
    [[], 'read', false],
  ])('%j for %s → %s', (held, needed, granted) => {
    expect(scopeGrants(held, needed)).toBe(granted);
  });
});

it('normalizeScopes keeps each scope once, in the canonical order', () => {
  expect(normalizeScopes(['admin', 'read', 'read'])).toEqual(['read', 'admin']);
});
