/** The onboarding path: steps as data, progress and "trained leader", content worded with the guiding principles. */
export * from './steps.js';
export * from './progress.js';
export * from './content.js';
export type { RuleExample, WorkedExample } from './examples.js';
