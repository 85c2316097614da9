import type { FastifyRequest } from 'fastify';
import { Problem } from './problem.js';

/** Deeper than any Cairn request needs; deeper JSON is refused before anything walks it recursively. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone UTF-16 halves cannot be stored as UTF-8 (the activity's JSON copy fails): they become U+FFFD, as elsewhere. */
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

function refuse(field: string, message: string): Problem {
  return new Problem(400, 'validation-failed', `${field}: ${message}`, [{ field, message }]);
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

const fieldName = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Walks one part of the request without recursion (a megabyte of `[[[[` must not blow the stack):
 * refuses NUL (PostgreSQL cannot store it) and too deep nesting, and repairs lone surrogates in place.
 */
function clean(root: Container, part: string): void {
  const pending: { value: Container; field: string; depth: number }[] = [{ value: root, field: '', depth: 1 }];
  while (pending.length > 0) {
    const { value, field, depth } = pending.pop()!;
    if (depth > MAX_INPUT_DEPTH) throw refuse(field || part, `Nested deeper than ${MAX_INPUT_DEPTH} levels.`);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const name = fieldName(field, key);
      if (typeof key === 'string' && key.includes('\u0000')) throw refuse(field || part, 'Names may not contain the NUL character.');
      if (typeof child === 'string') {
        if (child.includes('\u0000')) throw refuse(name, 'May not contain the NUL character (U+0000).');
        const repaired = wellFormed(child);
        if (repaired !== child) (value as Record<string | number, unknown>)[key] = repaired;
      } else if (isContainer(child)) pending.push({ value: child, field: name, depth: depth + 1 });
    }
  }
}

/** One preValidation hook for every route: the same text rules on every path, before any schema or service sees it. */
export async function sanitizeInput(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw refuse(part, 'May not contain the NUL character (U+0000).');
      if (part === 'body') request.body = wellFormed(value);
    } else if (isContainer(value)) clean(value, part);
  }
}
