export * from './weeks.js';
export * from './facts.js';
export * from './figures.js';
export * from './week-figures.js';
export * from './behind.js';
export * from './team-weeks.js';
export * from './team-table.js';
