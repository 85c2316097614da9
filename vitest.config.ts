import { defineConfig } from 'vitest/config';

// Server, database and browser tests all run in Node. PGlite costs seconds and ~0.5 GB per fresh
// instance, so the global setup migrates one template directory that each test file copies.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The machine has 2 cores; each worker may hold a PGlite instance.
    maxWorkers: 2,
    // Better Auth logs every wrong password and refused origin; the auth tests make them on purpose.
    onConsoleLog: (log) => !/\[Better Auth\]:.*(Invalid password|Invalid origin|If it's a valid URL)/.test(log),
  },
});
