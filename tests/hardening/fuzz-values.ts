/**
 * The fuzzer's vocabulary: a seeded random source, hostile values, and bodies built from (and
 * against) an operation's JSON schema. Deterministic for a seed, so a failure can be replayed.
 */
export type Random = () => number;

/** mulberry32: small, fast and seeded. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
}

const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { a: [deep(levels - 1)] });

const HOSTILE: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  true,
  '',
  ' ',
  'x'.repeat(100_000),
  'nul\u0000here',
  'lone \uD800 surrogate',
  '\uDFFF',
  '💩'.repeat(500),
  "'; drop table objectives; --",
  '<script>alert(1)</script>',
  '00000000-0000-4000-8000-000000000000',
  'not-a-uuid',
  '2025-02-30',
  '9999-12-31T23:59:59Z',
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  deep(12),
  deep(40),
];

/** Path and query parameter values, already URL-encoded. */
export const PARAMETERS = [
  'not-a-uuid',
  '00000000-0000-4000-8000-000000000000',
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate as (invalid) UTF-8
  '%FF%FE',
  '%',
  'x'.repeat(5_000),
  '..%2F..%2Fetc%2Fpasswd',
  '-1',
  '1e309',
  '%F0%9F%92%A9',
  "'%20or%201%3D1--",
  '',
];

export const hostile = (random: Random): unknown => pick(random, HOSTILE);

/** A value that fits the schema's type roughly (so the request reaches further), or sometimes a hostile one. */
export function valueFor(random: Random, schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 4 || random() < 0.3) return hostile(random);
  if (schema.enum && schema.enum.length > 0) return pick(random, schema.enum);
  if (schema.anyOf && schema.anyOf.length > 0) return valueFor(random, pick(random, schema.anyOf), depth + 1);
  const type = Array.isArray(schema.type) ? pick(random, schema.type) : schema.type;
  switch (type) {
    case 'string':
      return schema.format === 'uuid'
        ? '00000000-0000-4000-8000-000000000000'
        : pick(random, ['text', 'a\u0000b', 'b\uD800', 'y'.repeat(3000)]);
    case 'integer':
      return pick(random, [0, 1, -1, 2_147_483_648, 7]);
    case 'number':
      return pick(random, [0, 0.5, -1e9, 1e15, 100]);
    case 'boolean':
      return random() < 0.5;
    case 'array':
      return Array.from({ length: Math.floor(random() * 4) }, () => valueFor(random, schema.items, depth + 1));
    case 'object':
      return bodyFor(random, schema, depth + 1);
    default:
      return hostile(random);
  }
}

export function bodyFor(random: Random, schema: JsonSchema | undefined, depth = 0): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (random() < 0.8) body[name] = valueFor(random, property, depth);
  }
  if (random() < 0.2) body[pick(random, ['extra', '__proto__', 'constructor', 'id', 'orgId'])] = hostile(random);
  return body;
}

/** Bodies that are not JSON objects at all, and content types that are not JSON. */
export const RAW_BODIES: { body: string; type: string }[] = [
  { body: '{', type: 'application/json' },
  { body: '{"a":', type: 'application/json' },
  { body: 'null', type: 'application/json' },
  { body: '"just a string"', type: 'application/json' },
  { body: '[1,2,3]', type: 'application/json' },
  { body: '', type: 'application/json' },
  { body: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, type: 'application/json' },
  { body: '{"name":"\\u0000"}', type: 'application/json' },
  { body: '{"name":"\\ud800"}', type: 'application/json' },
  { body: '{"a":1,"a":2}', type: 'application/json' },
  { body: 'name=x', type: 'application/x-www-form-urlencoded' },
  { body: 'plain', type: 'text/plain' },
  { body: '--x\r\n\r\n--x--', type: 'multipart/form-data; boundary=x' },
  { body: '{"name":"x"}', type: 'application/json; charset=latin1' },
  { body: '<a/>', type: 'application/xml' },
];
