import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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

  it('keeps the first visit to Home under 150 KB of brotli-compressed JavaScript', () => {
    const m = manifest();
    const home = [...loadSet(m, [entryKey(m), 'pages/HomePage.tsx'])].filter((file) => file.endsWith('.js'));
    // The server sends the .br file when the browser accepts brotli; below the pre-compression threshold, the file itself.
    const brotli = (file: string) => {
      const path = join(webRoot, file);
      return existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size;
    };
    const total = home.reduce((sum, file) => sum + brotli(file), 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });

  it('asks for few scripts on a first visit to Home, the tree and an objective page (a round trip each on a phone)', () => {
    const m = manifest();
    for (const page of ['HomePage', 'TreePage', 'ObjectivePage']) {
      const scripts = [...loadSet(m, [entryKey(m), `pages/${page}.tsx`])].filter((file) => file.endsWith('.js'));
      // The entry, the page's chunk and at most four chunks shared among the three pages (vite-first-pages.ts); the
      // tree also its own package (the virtual list).
      expect(scripts.length, `${page}: ${scripts.join(', ')}`).toBeLessThanOrEqual(page === 'TreePage' ? 7 : 6);
    }
  });

  it("draws the tree's team and owner filters without their Select until used (no Popover, Combobox or floating-ui)", () => {
    const m = manifest();
    const tree = [...loadSet(m, [entryKey(m), 'pages/TreePage.tsx'])].filter((file) => file.endsWith('.js'));
    // Mantine's class names survive minification: the Popover's dropdown class marks the code that draws one.
    const popoverModule = readFileSync('node_modules/@mantine/core/esm/components/Popover/Popover.module.mjs', 'utf8');
    const popover = /"dropdown": "(m_[0-9a-f]+)"/.exec(popoverModule)![1]!;
    for (const file of tree) expect(readFileSync(join(webRoot, file), 'utf8').includes(popover), file).toBe(false);
    const select = m['components/on-demand/select-module.ts'];
    expect(select).toBeDefined();
    expect(tree).not.toContain(select!.file);
  });

  it('reads an objective page without the pickers and floating layers it opens only on demand', () => {
    const m = manifest();
    const objective = loadSet(m, [entryKey(m), 'pages/ObjectivePage.tsx']);
    const tree = loadSet(m, [entryKey(m), 'pages/TreePage.tsx']);
    // The tree's own package (the virtual list) is in a chunk of its own that the objective page does not load.
    const treeLibrary = [...tree].filter((file) => /first-tree-lib-/.test(file));
    expect(treeLibrary).toHaveLength(1);
    expect(objective.has(treeLibrary[0]!)).toBe(false);
    for (const onDemand of [
      'components/AlignmentPicker.tsx',
      'components/review-requests/RequestReviewModal.tsx',
      'components/across/AnswerDependencyDialog.tsx',
      'components/on-demand/modal-module.ts',
    ]) {
      expect(m[onDemand], onDemand).toBeDefined();
      expect(objective.has(m[onDemand]!.file), onDemand).toBe(false);
    }
  });

  it('loads the alignment map and its graph libraries (xyflow, elkjs) only on its own route', () => {
    const m = manifest();
    const containing = (marker: string) =>
      readdirSync(join(webRoot, 'assets'))
        .filter((file) => file.endsWith('.js') && readFileSync(join(webRoot, 'assets', file), 'utf8').includes(marker))
        .map((file) => `assets/${file}`);
    const graphChunks = [...containing('org.eclipse.elk'), ...containing('react-flow__')];
    expect(graphChunks.length, 'the markers still find elkjs and xyflow in the build').toBeGreaterThan(0);
    for (const page of ['HomePage', 'TreePage', 'ObjectivePage']) {
      const load = loadSet(m, [entryKey(m), `pages/${page}.tsx`]);
      expect(load.has(m['pages/AlignmentMapPage.tsx']!.file), page).toBe(false);
      expect(
        graphChunks.filter((file) => load.has(file)),
        page,
      ).toEqual([]);
    }
    expect(loadSet(m, [entryKey(m), 'pages/AlignmentMapPage.tsx']).has(m['pages/AlignmentMapPage.tsx']!.file)).toBe(true);
  });

  it('keeps dialogs, menus and popovers out of Home until they are opened', () => {
    const m = manifest();
    const home = loadSet(m, [entryKey(m), 'pages/HomePage.tsx']);
    for (const onDemand of [
      'components/header/UserMenu.tsx',
      'components/header/NotificationPopover.tsx',
      'components/on-demand/modal-module.ts',
      'components/on-demand/notifications-module.ts',
      'components/okr/KeyResultDeleteDialog.tsx',
      'components/okr/ScoreOverrideDialog.tsx',
    ]) {
      expect(m[onDemand], onDemand).toBeDefined();
      expect(home.has(m[onDemand]!.file), onDemand).toBe(false);
    }
  });
});
