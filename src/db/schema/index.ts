export * from './organizations.js';
export * from './auth.js';
export * from './people.js';
export * from './activity.js';
export * from './okrs.js';
export * from './rhythm.js';
export * from './imports.js';
