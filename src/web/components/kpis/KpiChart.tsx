import type { Kpi } from '../../api/kpis.js';

const W = 640;
const PAD = 32;

interface Zone {
  from: number;
  to: number;
  color: string;
}

/** The healthy (green) and watch (yellow) zones between `lo` and `hi`; the rest of the chart is unhealthy (plain). */
function zonesOf(kpi: Kpi, lo: number, hi: number): Zone[] {
  const green = 'var(--mantine-color-green-1)';
  const yellow = 'var(--mantine-color-yellow-1)';
  if (kpi.direction === 'higher_is_better')
    return [
      { from: kpi.watch!, to: kpi.healthy!, color: yellow },
      { from: kpi.healthy!, to: hi, color: green },
    ];
  if (kpi.direction === 'lower_is_better')
    return [
      { from: lo, to: kpi.healthy!, color: green },
      { from: kpi.healthy!, to: kpi.watch!, color: yellow },
    ];
  const m = kpi.watchMargin!;
  return [
    { from: kpi.bandMin! - m, to: kpi.bandMin!, color: yellow },
    { from: kpi.bandMin!, to: kpi.bandMax!, color: green },
    { from: kpi.bandMax!, to: kpi.bandMax! + m, color: yellow },
  ];
}

/** A KPI's values per period (line) over its health zones; a plain SVG like the progress charts. */
export function KpiChart({ kpi, height = 180 }: { kpi: Kpi; height?: number }) {
  const points = kpi.series;
  const bounds = [kpi.healthy, kpi.watch, kpi.bandMin, kpi.bandMax].filter((v): v is number => v !== null);
  const margin = kpi.watchMargin ?? 0;
  const all = [...points.map((p) => p.value), ...bounds.map((b) => b - margin), ...bounds.map((b) => b + margin)];
  const span = Math.max(...all) - Math.min(...all) || 1;
  // A percent KPI's chart stays on its scale: no room drawn below 0 % or above 100 % (or the scale it declares).
  const scale = kpi.percentStart !== null && kpi.percentEnd !== null ? [kpi.percentStart, kpi.percentEnd] : null;
  const lo = Math.max(Math.min(...all) - span * 0.15, scale ? Math.min(...scale) : -Infinity);
  const hi = Math.min(Math.max(...all) + span * 0.15, scale ? Math.max(...scale) : Infinity);
  const y = (v: number) => height - PAD - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (height - 2 * PAD);
  const x = (i: number) => (points.length < 2 ? W / 2 : PAD + (i / (points.length - 1)) * (W - 2 * PAD));
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  const last = points.at(-1);
  const label = last
    ? `${kpi.name}: ${last.value}${unit} on ${last.asOf}, ${kpi.health}; ${points.length} periods shown`
    : `${kpi.name}: no values yet`;
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      width="100%"
      style={{ maxWidth: 720, display: 'block' }}
      role="img"
      aria-label={label}
      data-testid="kpi-chart"
    >
      <rect x={PAD} y={PAD} width={W - 2 * PAD} height={height - 2 * PAD} fill="var(--mantine-color-red-0)" />
      {zonesOf(kpi, lo, hi).map((z) => (
        <rect
          key={`${z.from}-${z.to}`}
          x={PAD}
          width={W - 2 * PAD}
          y={y(Math.max(z.from, z.to))}
          height={Math.abs(y(z.from) - y(z.to))}
          fill={z.color}
        />
      ))}
      {bounds.map((b) => (
        <text key={b} x={2} y={y(b) + 4} fontSize={11} fill="var(--mantine-color-dimmed)">
          {b}
        </text>
      ))}
      {points.length > 1 && (
        <path
          d={points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}
          fill="none"
          stroke="var(--mantine-color-blue-8)"
          strokeWidth={2.5}
        />
      )}
      {points.map((p, i) => (
        <circle key={p.asOf} cx={x(i)} cy={y(p.value)} r={3} fill="var(--mantine-color-blue-8)" />
      ))}
      {points[0] && (
        <text x={PAD} y={height - 8} fontSize={11} fill="var(--mantine-color-dimmed)">
          {points[0].asOf}
        </text>
      )}
      {last && points.length > 1 && (
        <text x={W - PAD} y={height - 8} fontSize={11} textAnchor="end" fill="var(--mantine-color-dimmed)">
          {last.asOf}
        </text>
      )}
    </svg>
  );
}
