import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

/** A throttle on a clock the test moves by hand. */
function throttle(maxFailures = 3, windowMs = 60_000) {
  const clock = { now: 1_000_000 };
  const t = new LoginThrottle(maxFailures, windowMs, () => clock.now);
  return { t, clock, advance: (ms: number) => void (clock.now += ms) };
}

const alice = ['email:alice@example.test'];
const bob = ['email:bob@example.test'];

describe('LoginThrottle', () => {
  it('allows attempts until maxFailures failures, then asks to wait until the oldest leaves the window', () => {
    const { t, advance } = throttle(3, 60_000);
    t.fail(alice);
    advance(10_000);
    t.fail(alice);
    expect(t.retryAfter(alice)).toBe(0);
    advance(5_000);
    t.fail(alice);
    // The first failure was 15 s ago: it leaves the 60 s window in 45 s.
    expect(t.retryAfter(alice)).toBe(45);
    advance(44_500);
    expect(t.retryAfter(alice)).toBe(1);
  });

  it('lets the window expire: once the oldest failure is older than the window, attempts resume', () => {
    const { t, advance } = throttle(3, 60_000);
    t.fail(alice);
    advance(20_000);
    t.fail(alice);
    t.fail(alice);
    expect(t.retryAfter(alice)).toBeGreaterThan(0);
    advance(40_000); // first failure exactly 60 s old
    expect(t.retryAfter(alice)).toBe(0);
    // Only two failures remain in the window; one more blocks again, until the next expires.
    t.fail(alice);
    expect(t.retryAfter(alice)).toBe(20);
    advance(20_000);
    expect(t.retryAfter(alice)).toBe(0);
  });

  it('a success clears the failures', () => {
    const { t } = throttle(3);
    t.fail(alice);
    t.fail(alice);
    t.succeed(alice);
    t.fail(alice);
    t.fail(alice);
    expect(t.retryAfter(alice)).toBe(0);
    t.fail(alice);
    expect(t.retryAfter(alice)).toBeGreaterThan(0);
    t.succeed(alice);
    expect(t.retryAfter(alice)).toBe(0);
  });

  it('counts each key separately, and any blocked key blocks', () => {
    const { t } = throttle(2);
    t.fail(alice);
    t.fail(alice);
    expect(t.retryAfter(alice)).toBeGreaterThan(0);
    expect(t.retryAfter(bob)).toBe(0);
    expect(t.retryAfter([...bob, ...alice])).toBeGreaterThan(0);
    t.succeed(bob);
    expect(t.retryAfter(alice)).toBeGreaterThan(0);
  });

  it('never answers a wait under one second while blocked, and rounds up', () => {
    const { t, advance } = throttle(1, 10_000);
    t.fail(alice);
    expect(t.retryAfter(alice)).toBe(10);
    advance(8_001);
    expect(t.retryAfter(alice)).toBe(2);
    advance(1_998);
    expect(t.retryAfter(alice)).toBe(1);
    advance(1);
    expect(t.retryAfter(alice)).toBe(0);
  });

  it('with no keys (no email given) nothing is ever blocked', () => {
    const { t } = throttle(1);
    t.fail([]);
    expect(t.retryAfter([])).toBe(0);
  });
});
