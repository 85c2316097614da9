import { dirname, join } from 'node:path';

/**
 * Chunks for the pages people open first. Lighthouse's mobile run (and a phone on HTTP/1.1) pays a round trip per
 * script and shares the bandwidth among every request in flight, so thirty 1–4 KB chunks cost more than their bytes:
 * the entry script, downloading beside them, got a tenth of the line. Here every module these pages import
 * statically is grouped by the set of those pages that import it (Home only, Home and an objective page, all three…):
 * a first visit to one of them asks for its own small chunk and at most four group chunks. A module in a group only
 * imports modules of groups with more pages (or the entry), so the groups cannot import each other in a circle.
 */
export const FIRST_PAGES: readonly (readonly [name: string, source: string])[] = [
  ['home', 'src/web/pages/HomePage.tsx'],
  ['tree', 'src/web/pages/TreePage.tsx'],
  ['objective', 'src/web/pages/ObjectivePage.tsx'],
];

interface ModuleFacts {
  importedIds: readonly string[];
  code: string | null;
}
type Facts = (id: string) => ModuleFacts | null;

/** Mantine's package entries import every component; following them would put all of Mantine in every group. */
const BARREL = /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]esm[\\/]index\.mjs$/;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;

/** `import { a, b as c } from "x"` → [["a", "x"], ["b", "x"]] (imported names) or, with `local`, [["c", "x"]]. */
function namedImports(code: string, local: boolean): [string, string][] {
  const found: [string, string][] = [];
  for (const [, names, from] of code.matchAll(NAMED_IMPORT)) {
    for (const spec of names!.split(',')) {
      const [imported, alias] = spec.trim().split(/\s+as\s+/);
      if (imported) found.push([local ? (alias ?? imported) : imported, from!]);
    }
  }
  return found;
}

/** The modules a package entry re-exports, by exported name (Mantine's entries import each name, then export it). */
function barrelTargets(barrelId: string, facts: Facts): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [name, from] of namedImports(facts(barrelId)?.code ?? '', true)) targets.set(name, join(dirname(barrelId), from));
  return targets;
}

/** What a module really uses: through a package entry, only the components it names. */
function usedModules(id: string, facts: Facts, barrels: Map<string, Map<string, string>>): string[] {
  const module = facts(id);
  const used: string[] = [];
  for (const imported of module?.importedIds ?? []) {
    const barrel = BARREL.exec(imported);
    if (!barrel) {
      used.push(imported);
      continue;
    }
    if (!barrels.has(imported)) barrels.set(imported, barrelTargets(imported, facts));
    const targets = barrels.get(imported)!;
    const pkg = `@mantine/${barrel[1]}`;
    for (const [name, from] of namedImports(module?.code ?? '', false))
      if (from === pkg && targets.has(name)) used.push(targets.get(name)!);
  }
  return used;
}

/** For each module, the first pages that import it statically (directly or through other modules). */
function pagesByModule(root: string, facts: Facts): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  const barrels = new Map<string, Map<string, string>>();
  for (const [name, source] of FIRST_PAGES) {
    const page = join(root, source);
    const queue = [page];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const id = queue.pop()!;
      // The page's own module stays its chunk: the router imports it by that name (and the manifest keeps its key).
      if (id !== page) pages.set(id, [...(pages.get(id) ?? []), name]);
      for (const next of usedModules(id, facts, barrels)) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return pages;
}

const PACKAGE = /[\\/]node_modules[\\/]/;
/** Above this, a page's own package modules are a chunk of their own (below, one more request costs more). */
const OWN_LIBRARY_CHUNK_BYTES = 20_000;

/** Source bytes of the package modules (node_modules) that only one first page needs, by page. */
function ownLibraryBytes(pages: Map<string, string[]>, facts: Facts): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const [id, names] of pages)
    if (names.length === 1 && PACKAGE.test(id)) bytes.set(names[0]!, (bytes.get(names[0]!) ?? 0) + (facts(id)?.code?.length ?? 0));
  return bytes;
}

/** A `codeSplitting` group naming each module's chunk after the first pages that need it (`first-home-objective`). */
export function firstPagesGroup(root: string) {
  let pages: Map<string, string[]> | undefined;
  let libraryBytes: Map<string, number> | undefined;
  return {
    name: (id: string, context: { getModuleInfo: Facts }) => {
      const facts: Facts = (module) => context.getModuleInfo(module);
      pages ??= pagesByModule(root, facts);
      libraryBytes ??= ownLibraryBytes(pages, facts);
      const names = pages.get(id);
      if (!names) return null;
      // The tree's own packages (Select, Combobox, floating-ui: 40 KB brotli) are also what other pages' lazy chunks
      // use (the alignment picker, the comment box's mention list): in their own chunk, those do not download the
      // tree's code with them.
      const library = names.length === 1 && PACKAGE.test(id) && (libraryBytes.get(names[0]!) ?? 0) > OWN_LIBRARY_CHUNK_BYTES;
      return `first-${names.join('-')}${library ? '-lib' : ''}`;
    },
    debugName: 'first-pages',
    priority: 2,
    // Dependencies of a module are needed by at least the same pages: they find their own group.
    includeDependenciesRecursively: false,
  };
}
