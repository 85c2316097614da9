import { defineConfig } from 'vitest/config';

/**
 * Tests under src/ that open a database. Every other src/**\/*.test.ts is a unit test: pure code,
 * no PGlite template, a few seconds. A new src test that needs a database goes here (the unit
 * project has no `pgliteTemplate` to inject, so it fails loudly until it does).
 */
const DATABASE_TESTS_IN_SRC = [
  'src/db/pglite-engine.test.ts',
  'src/db/analyze-grown.test.ts',
  'src/server/services/okrs/cycle-graph.test.ts',
];

// Server, database and browser tests all run in Node. `npm test` runs both projects;
// `npm run test:unit` runs the unit project alone.
export default defineConfig({
  test: {
    environment: 'node',
    // Every statement kept by shape is checked against a fresh build (src/db/statement-shapes.ts).
    env: { CAIRN_CHECK_STATEMENT_SHAPES: '1' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The machine has 2 cores; each worker may hold a PGlite instance.
    maxWorkers: 2,
    // Better Auth logs every wrong password and refused origin; the auth tests make them on purpose.
    onConsoleLog: (log) => !/\[Better Auth\]:.*(Invalid password|Invalid origin|If it's a valid URL)/.test(log),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: DATABASE_TESTS_IN_SRC },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [...DATABASE_TESTS_IN_SRC, 'tests/**/*.test.ts'],
          // PGlite costs seconds and ~0.5 GB per fresh instance, so the global setup migrates one
          // template directory that each test file copies.
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
