import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_PATH } from './route-requests.js';

export type Preset = 'mobile' | 'desktop';
export interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /**
   * Lighthouse's measure of this machine's CPU (`environment.benchmarkIndex`, higher is faster): its simulation scales
   * the observed tasks, so runs on machines of different speed differ without any change of code.
   */
  benchmarkIndex: number;
}

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

/** One Lighthouse 12 run (performance, accessibility, best practices) of a signed-in page, in a fresh Chromium. */
export async function runLighthouse(url: string, cookie: string, preset: Preset): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        // The session cookie: the page is measured signed in, as a user sees it.
        extraHeaders: { cookie },
      },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse answered nothing');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      fcpMs: value('first-contentful-paint'),
      benchmarkIndex: result.lhr.environment.benchmarkIndex,
    };
  } finally {
    chrome.kill();
  }
}

/** The median of each figure over the runs (each figure separately, as Lighthouse's own guidance does). */
export function medianOf(runs: LighthouseResult[]): LighthouseResult {
  const median = (pick: (r: LighthouseResult) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    performance: median((r) => r.performance),
    accessibility: median((r) => r.accessibility),
    bestPractices: median((r) => r.bestPractices),
    lcpMs: median((r) => r.lcpMs),
    tbtMs: median((r) => r.tbtMs),
    cls: median((r) => r.cls),
    fcpMs: median((r) => r.fcpMs),
    benchmarkIndex: median((r) => r.benchmarkIndex),
  };
}
