import escapeHtml from 'escape-html';
import type { ObjectiveFirstScreen } from '../../services/okrs/first-screen.js';

/**
 * The first screen of an objective's page, drawn by index.html itself: the shell's header and the page's heading
 * (back link and title) where the app will draw them, over the app while it starts. The title is that page's
 * largest paint, and otherwise it waits for the scripts, the shell's render and the page's render (issue 12: the
 * objective page's LCP); here it is painted with the stylesheets. The app removes this layer when it draws the
 * heading, or draws anything else (components/first-screen.ts), so the title never blinks.
 *
 * The sizes are the app's, in rem as Mantine writes them, so a larger default font scales both alike (the AppShell's
 * 60 px header, a 240 px navigation from 48em, padding lg; the title an h2-sized h1):
 * `tests/browser/first-screen.test.ts` fails if the title here and the app's differ in place.
 */
const STYLE = `<style id="first-screen-style">
      #first-screen { position: fixed; inset: 0; z-index: 1000; overflow: hidden; background: #fff; color: #000;
        font-family: Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 1rem; line-height: 1.55;
        -webkit-font-smoothing: antialiased; }
      #first-screen .fs-header { position: absolute; top: 0; left: 0; right: 0; height: 3.75rem; box-sizing: border-box;
        display: flex; align-items: center; padding-left: 3.125rem; border-bottom: 1px solid #dee2e6; }
      #first-screen .fs-brand { margin: 0; font-size: 1.375rem; line-height: 1.4; font-weight: 700; color: #087f5b; }
      #first-screen .fs-main { padding: 5rem 1.25rem 0; }
      #first-screen .fs-back { font-size: 0.875rem; line-height: 1.55; color: #087f5b; }
      #first-screen .fs-title { margin: 0.25rem 0 0; font-size: 1.625rem; line-height: 1.35; font-weight: 700; overflow-wrap: break-word; }
      @media (min-width: 48em) {
        #first-screen .fs-header { padding-left: 1rem; }
        #first-screen .fs-nav { position: absolute; top: 3.75rem; bottom: 0; left: 0; width: 15rem; box-sizing: border-box;
          border-right: 1px solid #dee2e6; }
        #first-screen .fs-main { padding-left: 16.25rem; }
      }
    </style>`;

/** What goes in the head (the layer's style) and before the app's root (the layer) for `objective` at `path`. */
export function objectiveFirstScreenHtml(path: string, objective: ObjectiveFirstScreen): { head: string; body: string } {
  const body = `<div id="first-screen" data-path="${escapeHtml(path)}" aria-hidden="true">
      <div class="fs-header"><p class="fs-brand">Cairn</p></div>
      <div class="fs-nav"></div>
      <div class="fs-main">
        <div><span class="fs-back">← ${escapeHtml(objective.cycleName)}</span></div>
        <p class="fs-title">${escapeHtml(objective.title)}</p>
      </div>
    </div>`;
  return { head: STYLE, body };
}
