import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/db/pglite-engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory; copy it, never open it in place. */
    pgliteTemplate: string;
  }
}

/** Creates one migrated PGlite data directory for the whole run; test files copy it. */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'cairn-template-'));
  const dir = join(root, 'data');
  const handle = await openPglite(dir);
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  project.provide('pgliteTemplate', dir);
  return () => rmSync(root, { recursive: true, force: true });
}
