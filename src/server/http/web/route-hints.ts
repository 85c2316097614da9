import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectiveFirstScreen } from '../../services/okrs/first-screen.js';
import { objectiveFirstScreenHtml } from './first-screen.js';

/** Vite's build manifest: each source module's chunk and the chunks it imports statically. */
type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean; css?: string[] }>;

const TREE_PATH = /^\/okrs\/?$/;
const OBJECTIVE_PATH = /^\/objectives\/([\w-]+)\/?$/;
/** An id as the app makes them: what a preload's URL may carry from the address. */
const PLAIN_ID = /^[\w-]+$/;

/**
 * The pages people open first (a bookmark, a link in a notification), by path, with the manifest key of
 * their chunk. Any other path gets the shell's hints only: the page's chunk is then fetched once the app has
 * started, as before.
 */
export const HINTED_PAGES: { path: RegExp; page: string }[] = [
  { path: /^\/$/, page: 'pages/HomePage.tsx' },
  { path: TREE_PATH, page: 'pages/TreePage.tsx' },
  { path: OBJECTIVE_PATH, page: 'pages/ObjectivePage.tsx' },
  { path: /^\/people\/?$/, page: 'pages/PeoplePage.tsx' },
  { path: /^\/teams\/?$/, page: 'pages/TeamsPage.tsx' },
  { path: /^\/teams\/[^/]+\/?$/, page: 'pages/TeamPage.tsx' },
  { path: /^\/kpis\/?$/, page: 'pages/KpisPage.tsx' },
];

/** Pages that work signed out and never ask who is signed in (App.tsx routes them before /me). */
const SIGNED_OUT_PAGES = /^\/(invite\/|shared\/reports\/|forgot-password$|reset-password$)/;

/**
 * The answers every signed-in page waits for before it can draw anything. App.tsx asks for both as it starts, so
 * the preloads are always used by the first fetch.
 */
const SHELL_REQUESTS = ['/api/v1/setup', '/api/v1/me'];

/**
 * A page's own first answers, preloaded only for a visitor the server has just recognised as signed in: signed out,
 * the page is not drawn, and a preloaded 401 would answer the page's first fetch after signing in (a preload is kept
 * until used). Only where the largest paint waits for them:
 * - an objective page's title is its answer's, which otherwise is asked for only once the page has started (a round
 *   trip after the scripts);
 * - the tree's first rows (on a phone's first screen too) wait for the cycles, then the chosen cycle's tree: two round
 *   trips after the scripts. The cycle is the one in the address, else the one the page opens on (`defaultCycleId`,
 *   domain/default-cycle.ts), decided by the server as the browser does.
 * Elsewhere a preload would only share the line (and PGlite's one connection) with the scripts and /me before the
 * first paint. The URLs are the ones the pages fetch (okr-queries.ts `useObjective`, `useCycles`, `useCycle`,
 * `useTree` with TREE_LEVELS), so the preloads are what they use; travelling in time (`asOf`) asks for others.
 */
const PAGE_REQUESTS: { path: RegExp; urls: (match: RegExpExecArray, query: URLSearchParams, visitor: Visitor) => string[] }[] = [
  { path: OBJECTIVE_PATH, urls: ([, id], query) => (query.has('asOf') ? [] : [`/api/v1/objectives/${id}`]) },
  {
    path: TREE_PATH,
    urls: (_match, query, visitor) => {
      const asked = query.get('cycle');
      const cycleId = asked === null ? visitor.defaultCycleId : PLAIN_ID.test(asked) ? asked : undefined;
      const tree = cycleId && !query.has('asOf') ? [`/api/v1/cycles/${cycleId}`, `/api/v1/cycles/${cycleId}/tree?depth=2`] : [];
      return ['/api/v1/cycles', ...tree];
    },
  },
];

/** Whether the hints for `path` need the cycle the tree opens on: the tree, with no cycle in its address. */
export const wantsDefaultCycle = (path: string, query: URLSearchParams): boolean => TREE_PATH.test(path) && !query.has('cycle');

/**
 * The objective whose page index.html draws the first screen of (first-screen.ts), if any: at its page, today's
 * (travelling in time, the page draws another state).
 */
export function wantsObjective(path: string, query: URLSearchParams): string | undefined {
  return query.has('asOf') ? undefined : OBJECTIVE_PATH.exec(path)?.[1];
}

/** Who the page is for: whether the server found a valid session on the request, and the URL's query. */
export interface Visitor {
  signedIn: boolean;
  query: URLSearchParams;
  /** Signed in, at the tree without a cycle in the address (wantsDefaultCycle): the cycle it opens on, if any. */
  defaultCycleId?: string | null;
  /** Signed in, at an objective's page (wantsObjective): its heading, if the visitor may see it. */
  objective?: ObjectiveFirstScreen | null;
}
const UNKNOWN: Visitor = { signedIn: false, query: new URLSearchParams() };

/**
 * index.html with hints for the path it is served at. Without them a first visit is a chain: the entry
 * script, then /setup, then /me, then the page's chunk, then the page's data — each waiting for the one
 * before. The hints let the browser start /setup, /me and the page's chunks while it is still downloading
 * the entry. `crossorigin` (anonymous: same-origin credentials) makes the preloads match the app's
 * `fetch(path, { credentials: 'same-origin' })`, so they are used rather than fetched twice.
 */
export function routeHints(webRoot: string): (path: string, visitor?: Visitor) => string | undefined {
  const indexPath = join(webRoot, 'index.html');
  let built: { mtimeMs: number; htmlFor: (path: string, visitor: Visitor) => string | undefined } | undefined;
  return (path, visitor = UNKNOWN) => {
    if (!existsSync(indexPath)) return undefined;
    // Read again only after a new build (`vite build --watch` beside a running server).
    const { mtimeMs } = statSync(indexPath);
    if (built?.mtimeMs !== mtimeMs) built = { mtimeMs, htmlFor: hintsFor(webRoot) };
    return built.htmlFor(path, visitor);
  };
}

function hintsFor(webRoot: string): (path: string, visitor: Visitor) => string | undefined {
  const manifestPath = join(webRoot, '.vite', 'manifest.json');
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  if (!existsSync(manifestPath) || !html.includes('</head>')) return () => undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) return () => undefined;
  const inEntry = closure(manifest, entry);

  const fetchLinks = (urls: string[], attributes = '') =>
    urls.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin${attributes}>`);
  const shellLinks = fetchLinks(SHELL_REQUESTS);
  // Replaced through functions: a title's `$&` must stay text, not become a replacement pattern.
  const withLinks = (links: string[], firstScreen?: { head: string; body: string }) => {
    const head = html.replace('</head>', () => `  ${[...links, ...(firstScreen ? [firstScreen.head] : [])].join('\n    ')}\n  </head>`);
    return firstScreen ? head.replace('<div id="root">', () => `${firstScreen.body}\n    <div id="root">`) : head;
  };
  const chunkLinks = new Map(
    HINTED_PAGES.filter(({ page }) => manifest[page]).map(({ page }) => {
      const files = [...closure(manifest, page)].filter((file) => !inEntry.has(file));
      // A chunk's own stylesheet (a component's CSS file): linked here, it loads beside the entry's. Otherwise the
      // app adds it when it imports the page and waits for it, a round trip more before the page can be drawn.
      const styles = files.filter((file) => file.endsWith('.css')).map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`);
      const scripts = files.filter((file) => file.endsWith('.js')).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
      return [page, [...styles, ...scripts]];
    }),
  );
  const shellOnly = withLinks(shellLinks);

  const pageData = (path: string, visitor: Visitor) => {
    if (!visitor.signedIn) return [];
    for (const { path: pattern, urls } of PAGE_REQUESTS) {
      const match = pattern.exec(path);
      // Low priority: the browser asks for it once the scripts and the stylesheet are on their way, so the server (one
      // Node thread, and PGlite in it) sends them before it computes the answer, which still arrives with the page.
      if (match) return fetchLinks(urls(match, visitor.query, visitor), ' fetchpriority="low"');
    }
    return [];
  };

  return (path, visitor) => {
    if (SIGNED_OUT_PAGES.test(path)) return html;
    for (const { path: pattern, page } of HINTED_PAGES) {
      const chunks = chunkLinks.get(page);
      if (!pattern.test(path) || !chunks) continue;
      const firstScreen = visitor.signedIn && visitor.objective ? objectiveFirstScreenHtml(path, visitor.objective) : undefined;
      return withLinks([...shellLinks, ...pageData(path, visitor), ...chunks], firstScreen);
    }
    return shellOnly;
  };
}

/** The files a module needs before it runs: its chunk, everything it imports statically, and their stylesheets. */
function closure(manifest: Manifest, key: string): Set<string> {
  const files = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
}
