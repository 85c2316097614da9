import type { QueryClient } from '@tanstack/react-query';
import { cycleQuery, cyclesQuery, TREE_LEVELS, treeTopQuery } from './okr-queries.js';

/**
 * The queries whose answers index.html preloads for the tree (route-hints.ts, PAGE_REQUESTS), by the preload's URL.
 * Asked for as the app starts, their answers are in the cache when the page first renders: it draws its rows in that
 * first pass. Asked for by the page, they arrived after it, and the rows came two passes later (the answer's, then
 * the deferred one). The objective page's preload is not here: its first screen is drawn by index.html already.
 */
const PRELOADED: { url: RegExp; ask: (client: QueryClient, match: RegExpExecArray) => Promise<void> }[] = [
  { url: /^\/api\/v1\/cycles$/, ask: (client) => client.prefetchQuery(cyclesQuery()) },
  { url: /^\/api\/v1\/cycles\/([\w-]+)$/, ask: (client, [, id]) => client.prefetchQuery(cycleQuery(id!)) },
  {
    url: new RegExp(`^/api/v1/cycles/([\\w-]+)/tree\\?depth=${TREE_LEVELS}$`),
    ask: (client, [, id]) => client.prefetchQuery(treeTopQuery(id!)),
  },
];

/**
 * Asks for the answers index.html preloaded (the server preloads only for a visitor it recognised as signed in, so
 * nothing is asked for signed out). The fetches are the page's own: the browser answers them from the preloads.
 */
export function askForPreloadedAnswers(client: QueryClient, doc: Document = document): void {
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')) {
    const href = link.getAttribute('href') ?? '';
    for (const { url, ask } of PRELOADED) {
      const match = url.exec(href);
      if (match) void ask(client, match);
    }
  }
}
