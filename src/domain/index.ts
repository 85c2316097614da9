/**
 * Cairn's OKR method: pure functions and types, shared by server and browser.
 * No I/O and no clock: every date is passed in. See docs/METHOD.md.
 */
export * from './vocabulary.js';
export * from './dates.js';
export * from './zoned-time.js';
export { FLOAT_EPSILON, clamp, roundHalfUp } from './numbers.js';
export * from './weighted-mean.js';
export * from './key-result.js';
export * from './key-result-progress.js';
export * from './objective-progress.js';
export * from './pace.js';
export * from './status.js';
export * from './scoring.js';
export * from './grading.js';
export * from './stale.js';
export * from './check-ins.js';
export * from './alignment.js';
export * from './forecast.js';
export * from './validation.js';
export * from './validate-key-result.js';
export * from './rollup-graph.js';
export * from './reactions.js';
export * from './format-measure.js';
export * from './next-quarter.js';
export * from './outcome.js';
export * from './review-changes.js';
export * from './meetings.js';
