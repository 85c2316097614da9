import { measureElement, useWindowVirtualizer, windowScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import type { VisibleRow } from '../pages/tree-filter.js';
import { TreeRow } from './TreeRow.js';
import { knownWindowScrollY } from './window-scroll.js';

interface Props {
  rows: VisibleRow[];
  expanded: Set<string>;
  onToggle: (key: string) => void;
  /** The team the tree is filtered by: objectives it contributes to but does not own are marked shared. */
  sharedWith?: string | null;
}

const ROW_ESTIMATE = 58;

/**
 * A row's height from its ResizeObserver entry, which arrives after the browser's own layout. A row just mounted
 * (no entry yet) keeps its known or estimated height instead of reading `offsetHeight`, which forced a layout of the
 * page for each new row in the commit that added it.
 */
function measureWhenLaidOut(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, Element>) {
  if (entry) return measureElement(element, entry, instance);
  const key = instance.options.getItemKey(instance.indexFromElement(element));
  return instance.itemSizeCache.get(key) ?? ROW_ESTIMATE;
}

/**
 * The window's size for the virtualizer, read when the browser has laid the page out anyway (a ResizeObserver's
 * callback) and on resize. The library's own observer read `innerHeight` at mount, which on a phone forced a style
 * and layout of the new page inside its commit; until the first read the screen's height stands in.
 */
function observeViewportAfterLayout(instance: Virtualizer<Window, Element>, report: (rect: Rect) => void) {
  const view = instance.scrollElement;
  if (!view) return;
  const read = () => report({ width: view.innerWidth, height: view.innerHeight });
  const observer = new ResizeObserver(read);
  observer.observe(view.document.documentElement);
  view.addEventListener('resize', read, { passive: true });
  return () => {
    observer.disconnect();
    view.removeEventListener('resize', read);
  };
}

/**
 * Draws only the rows near the viewport (the page scrolls as usual), so a 2,000-objective cycle
 * renders as fast as a small one. Row heights are measured, so wrapped rows on phones work too.
 */
export const VirtualTree = memo(function VirtualTree({ rows, expanded, onToggle, sharedWith }: Props) {
  const sharedBy = (node: VisibleRow['node']) =>
    sharedWith && node.teamId !== sharedWith && node.contributors.some((c) => c.teamId === sharedWith)
      ? (node.teamName ?? 'Company')
      : undefined;
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts on the page, read when the browser has laid the page out anyway (a ResizeObserver's
  // callback), not in a layout effect, which forced a layout of the whole new page in its first task; read again
  // when the list's size changes, so the offset follows the skeleton above it going away when the rows arrive.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setOffset(list.offsetTop));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);
  const mountWrite = useRef(true);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (i) => rows[i]!.key,
    // On mount the virtualizer writes back the scroll offset it has just read: a no-op that forced a style and layout
    // of the whole new page inside its first commit. Its later writes (keeping the rows in view while heights are
    // measured) go through.
    scrollToFn: (to, options, instance) => {
      if (mountWrite.current) mountWrite.current = false;
      else windowScroll(to, options, instance);
    },
    measureElement: measureWhenLaidOut,
    observeElementRect: observeViewportAfterLayout,
    initialRect: { width: 0, height: window.screen.availHeight },
    // The library's default reads `window.scrollY` while rendering, which forced a layout of the new page.
    initialOffset: knownWindowScrollY,
  });
  return (
    <ul
      ref={listRef}
      aria-label="Objectives tree"
      data-testid="okr-tree"
      data-rows={rows.length}
      style={{ listStyle: 'none', padding: 0, margin: 0, position: 'relative', height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]!;
        return (
          <TreeRow
            key={item.key}
            ref={virtualizer.measureElement}
            index={item.index}
            top={item.start - virtualizer.options.scrollMargin}
            rowKey={row.key}
            node={row.node}
            depth={row.depth}
            hasChildren={row.hasChildren}
            expanded={expanded.has(row.key)}
            onToggle={onToggle}
            ownerName={row.node.ownerName ?? undefined}
            teamName={row.node.teamName ?? undefined}
            sharedBy={sharedBy(row.node)}
          />
        );
      })}
    </ul>
  );
});
