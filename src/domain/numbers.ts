/**
 * Numeric helpers shared by the method.
 *
 * Progress values are fractions computed with floating point, so every
 * comparison against a threshold and every rounding goes through here to
 * behave the same way on the server and in the browser.
 */

/**
 * Tolerance for threshold comparisons. Progress is a ratio of user-entered
 * numbers, so 0.3 − 0.1 style errors (~1e-16) must not flip a status;
 * 1e-9 is far above float noise and far below any meaningful difference.
 */
export const FLOAT_EPSILON = 1e-9;

/** Limits `value` to [min, max]; also turns −0 into 0 so results compare cleanly. */
export function clamp(value: number, min: number, max: number): number {
  const limited = Math.min(Math.max(value, min), max);
  return limited === 0 ? 0 : limited;
}

/** `a ≥ b`, tolerating float error just below `b`. */
export function isAtLeast(a: number, b: number): boolean {
  return a >= b - FLOAT_EPSILON;
}

/**
 * Rounds half up to `decimals` places, robust to binary representation:
 * 0.575 * 100 evaluates to 57.49999999999999, so plain Math.round(x * 100)
 * gives 0.57. Re-reading the scaled number at 12 significant digits removes
 * that noise before rounding.
 */
export function roundHalfUp(value: number, decimals: number): number {
  assertFinite(value, 'value');
  const factor = 10 ** decimals;
  const scaled = Number((value * factor).toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Throws a RangeError when `value` is NaN or ±Infinity. */
export function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
}

/** Throws a RangeError unless 0 ≤ value ≤ 1 (progress and scores live there). */
export function assertFraction(value: number, name: string): void {
  assertFinite(value, name);
  if (value < 0 || value > 1) {
    throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  }
}
