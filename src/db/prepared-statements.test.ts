import { describe, expect, it } from 'vitest';
import { statementNamer } from './prepared-statements.js';

describe('statementNamer', () => {
  it('gives one text one name, and different texts different names', () => {
    const name = statementNamer(10);
    const a = name('select 1');
    expect(a).toMatch(/^cairn_[0-9a-f]{20}$/);
    expect(name('select 1')).toBe(a);
    expect(name('select 2')).not.toBe(a);
    // Another namer (another process) names the same text the same way.
    expect(statementNamer(10)('select 1')).toBe(a);
  });

  it('stops naming new texts past its limit, and keeps the names it gave', () => {
    const name = statementNamer(2);
    const first = name('select 1');
    expect(name('select 2')).toBeDefined();
    expect(name('select 3')).toBeUndefined();
    expect(name('select 1')).toBe(first);
  });
});
