import { Group, Text } from '@mantine/core';

export interface ChartPoint {
  date: string;
  progress: number;
  expected: number;
}

const W = 640;
const H = 180;
const PAD = 28;

/** Progress over time (solid) against the expected pace (dashed); a plain SVG so it needs no chart library. */
export function ProgressChart({ points, label }: { points: ChartPoint[]; label: string }) {
  if (points.length < 2)
    return (
      <Text size="sm" c="dimmed">
        The chart appears after the first week of the cycle.
      </Text>
    );
  const x = (i: number) => PAD + (i / (points.length - 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - Math.max(0, Math.min(1, v)) * (H - 2 * PAD);
  const line = (pick: (p: ChartPoint) => number) =>
    points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  const summary = `${label}: ${Math.round(last.progress * 100)}% on ${last.date}, ${Math.round(last.expected * 100)}% expected`;
  return (
    <div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: 720, display: 'block' }}
        role="img"
        aria-label={summary}
        data-testid="progress-chart"
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
            <text x={4} y={y(v) + 4} fontSize={11} fill="var(--mantine-color-dimmed)">
              {v * 100}%
            </text>
          </g>
        ))}
        <path d={line((p) => p.expected)} fill="none" stroke="var(--mantine-color-gray-6)" strokeWidth={2} strokeDasharray="6 5" />
        <path d={line((p) => p.progress)} fill="none" stroke="var(--mantine-color-teal-8)" strokeWidth={3} />
        <text x={PAD} y={H - 6} fontSize={11} fill="var(--mantine-color-dimmed)">
          {points[0]!.date}
        </text>
        <text x={W - PAD} y={H - 6} fontSize={11} textAnchor="end" fill="var(--mantine-color-dimmed)">
          {last.date}
        </text>
      </svg>
      <Group gap="md">
        <Text size="xs">
          <span aria-hidden style={{ color: 'var(--mantine-color-teal-8)' }}>
            ━
          </span>{' '}
          Progress
        </Text>
        <Text size="xs">
          <span aria-hidden>╌</span> Expected pace
        </Text>
      </Group>
    </div>
  );
}

/** The chart's place while its history loads: the same box, so the page below does not move when it comes. */
export function ProgressChartPlaceholder() {
  return (
    <div aria-hidden data-testid="progress-chart-placeholder">
      <div style={{ maxWidth: 720, aspectRatio: `${W} / ${H}` }} />
      <Text size="xs">&nbsp;</Text>
    </div>
  );
}

/** A tiny progress line for a key result card. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return null;
  const w = 120;
  const h = 28;
  const d = values
    .map(
      (v, i) =>
        `${i ? 'L' : 'M'}${((i / (values.length - 1)) * (w - 4) + 2).toFixed(1)},${(h - 2 - Math.max(0, Math.min(1, v)) * (h - 4)).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg width={w} height={h} role="img" aria-label={`${label}: progress trend, now ${Math.round(values[values.length - 1]! * 100)}%`}>
      <path d={d} fill="none" stroke="var(--mantine-color-teal-8)" strokeWidth={2} />
    </svg>
  );
}
