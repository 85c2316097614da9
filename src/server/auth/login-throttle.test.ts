import { describe, expect, it } from 'vitest';
import { delayAfter, FIRST_DELAY_SECONDS } from './login-throttle.js';

describe('delayAfter: the wait after each failed sign-in', () => {
  it.each([
    { failures: 0, limit: 5, cap: 900, wait: 0 },
    { failures: 4, limit: 5, cap: 900, wait: 0 },
    { failures: 5, limit: 5, cap: 900, wait: FIRST_DELAY_SECONDS },
    { failures: 6, limit: 5, cap: 900, wait: 2 * FIRST_DELAY_SECONDS },
    { failures: 8, limit: 5, cap: 900, wait: 8 * FIRST_DELAY_SECONDS },
    { failures: 9, limit: 5, cap: 900, wait: 480 },
    { failures: 10, limit: 5, cap: 900, wait: 900 },
    { failures: 1_000, limit: 5, cap: 900, wait: 900 },
    { failures: 2, limit: 2, cap: 20, wait: 20 },
  ])('$failures failures, limit $limit, cap $cap s: wait $wait s', ({ failures, limit, cap, wait }) => {
    expect(delayAfter(failures, limit, cap)).toBe(wait);
  });
});
