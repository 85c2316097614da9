import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webRoot } from '../../src/server/app.js';

/** Vite's build manifest: each source module's chunk and the chunks it imports statically. */
type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>;
const manifest = (): Manifest => JSON.parse(readFileSync(join(webRoot, '.vite/manifest.json'), 'utf8')) as Manifest;
/** The manifest key of the entry (index.html, which loads main.tsx). */
const entryKey = (m: Manifest) => Object.keys(m).find((key) => m[key]!.isEntry)!;

/** The files a browser downloads to run `keys`: their chunks and everything they import statically. */
function loadSet(m: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = m[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

describe('route chunks of the built web app (`npx vite build` first)', () => {
  it('gives every page its own chunk, loaded on demand from the entry', () => {
    const m = manifest();
    expect(entryKey(m)).toBeDefined();
    for (const page of ['HomePage', 'TreePage', 'ObjectivePage', 'PeoplePage', 'SignInPage']) {
      expect(m[`pages/${page}.tsx`], page).toBeDefined();
      expect(loadSet(m, [entryKey(m)]).has(m[`pages/${page}.tsx`]!.file), `${page} is not in the entry's load`).toBe(false);
    }
  });

  it("loads neither the tree's chunk nor the key result forms on a first visit to Home", () => {
    const m = manifest();
    const home = loadSet(m, [entryKey(m), 'pages/HomePage.tsx']);
    expect(home.has(m['pages/TreePage.tsx']!.file)).toBe(false);
    expect(home.has(m['pages/ObjectivePage.tsx']!.file)).toBe(false);
    expect(home.has(m['components/KeyResultForm.tsx']!.file)).toBe(false);
    expect(home.has(m['components/CheckInDialog.tsx']!.file)).toBe(false);
  });
});
