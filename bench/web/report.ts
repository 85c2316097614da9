import type { LighthouseResult, Preset } from './lighthouse-run.js';
import type { RouteLoad } from './route-requests.js';

export interface WebBenchReport {
  date: string;
  runs: number;
  memory: Record<string, { rssMb: number; peakMb: number }>;
  serverChildren: string[];
  loads: RouteLoad[];
  scores: { page: string; preset: Preset; median: LighthouseResult }[];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The bench's figures as the Markdown tables docs/performance.md carries. */
export function renderReport(report: WebBenchReport): string {
  const lines = [
    `Measured ${report.date}, Lighthouse median of ${report.runs}. CPU index: Lighthouse's benchmarkIndex of this machine`,
    '(higher is faster); its simulated mobile timings scale with it.',
    '',
  ];
  lines.push('| page | preset | performance | LCP ms | TBT ms | CLS | FCP ms | accessibility | best practices | CPU index |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of report.scores) {
    const m = s.median;
    lines.push(
      `| ${s.page} | ${s.preset} | ${m.performance} | ${Math.round(m.lcpMs)} | ${Math.round(m.tbtMs)} | ${m.cls.toFixed(3)} | ${Math.round(m.fcpMs)} | ${m.accessibility} | ${m.bestPractices} | ${Math.round(m.benchmarkIndex)} |`,
    );
  }
  lines.push('', '| first visit to | JS KB raw / gzip / brotli | CSS KB raw / gzip / brotli | scripts | API requests |');
  lines.push('|---|---:|---:|---:|---|');
  for (const l of report.loads) {
    lines.push(
      `| \`${l.route.replace(/[0-9a-f-]{36}/, ':id')}\` | ${kb(l.js.raw)} / ${kb(l.js.gzip)} / ${kb(l.js.brotli)} | ${kb(l.css.raw)} / ${kb(l.css.gzip)} / ${kb(l.css.brotli)} | ${l.scripts.length} | ${l.api.length}: ${l.api.map((a) => `\`${a.replace(/[0-9a-f-]{36}/g, ':id')}\``).join(', ')} |`,
    );
  }
  lines.push('', '| server (PGlite, demo) | RSS MB | peak RSS MB |', '|---|---:|---:|');
  for (const [moment, m] of Object.entries(report.memory)) lines.push(`| ${moment} | ${m.rssMb} | ${m.peakMb} |`);
  lines.push('', `Processes the server left running: ${report.serverChildren.length ? report.serverChildren.join('; ') : 'none'}.`);
  return lines.join('\n') + '\n';
}
