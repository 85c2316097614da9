import type { CycleReport } from './cycle-report.js';
import { bullets, percentOf, sayDate } from '../rhythm/wording.js';

const STATUS_WORDS = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as const;

/** The subject of a scheduled report e-mail: what it covers and as of when. */
export const reportSubject = (report: CycleReport) =>
  `OKR report: ${report.team ? `${report.team.name}, ` : ''}${report.cycle.name} (${sayDate(report.asOf)})`;

const section = (title: string, lines: string[]) => (lines.length ? [`${title}\n${bullets(lines)}`] : []);

/**
 * The report as plain text, in the order of the printed document: pace, statuses, objectives, highlights, risks,
 * decisions, lessons, then a link for readers who have an account. Empty sections are left out.
 */
export function reportEmailText(report: CycleReport, link: string): string {
  const counts = report.statusCounts;
  return [
    `${report.team ? `${report.team.name} — ` : ''}${report.cycle.name}, as of ${sayDate(report.asOf)}.`,
    `Progress ${percentOf(report.progress)} (pace: ${percentOf(report.expected)} expected by now).`,
    `On track ${counts.on_track} · At risk ${counts.at_risk} · Off track ${counts.off_track}`,
    ...section(
      'Objectives',
      report.objectives.map((o) => `${o.title}: ${percentOf(o.progress)} of ${percentOf(o.expected)} expected, ${STATUS_WORDS[o.status]}`),
    ),
    ...section(
      'Highlights of the last 30 days',
      report.highlights.map((h) => h.summary),
    ),
    ...section(
      'Risks',
      report.risks.map((r) => r.summary),
    ),
    ...section(
      'Decisions',
      report.decisions.map((d) => `${sayDate(d.decidedOn)}: ${d.decision}${d.ownerName ? ` (${d.ownerName})` : ''}`),
    ),
    ...section(
      'Lessons',
      report.lessons.map((l) => (l.outcome ? `${l.text} — ${l.outcome}` : l.text)),
    ),
    `In Cairn (for people with an account): ${link}`,
  ].join('\n\n');
}
