import type { Evaluation } from '../../api/learning.js';

const SIZE = 220;
const PAD = 30;
const scale = (v: number) => PAD + v * (SIZE - 2 * PAD);

/** Confidence buckets (x: mean forecast) against the share that reached target (y); calibrated owners sit on the diagonal. */
export function ReliabilityChart({ buckets }: { buckets: Evaluation['calibration']['reliability'] }) {
  const points = buckets.filter((b) => b.meanForecast !== null && b.reachedShare !== null);
  const summary = points
    .map((b) => `${b.label}: forecast ${Math.round(b.meanForecast! * 100)} %, reached ${Math.round(b.reachedShare! * 100)} % (${b.count})`)
    .join('; ');
  return (
    <svg width={SIZE} height={SIZE} role="img" aria-label={`Reliability chart. ${summary || 'No forecasts.'}`} style={{ maxWidth: '100%' }}>
      <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="#adb5bd" />
      <line x1={scale(0)} y1={SIZE - scale(0)} x2={scale(1)} y2={SIZE - scale(1)} stroke="#868e96" strokeDasharray="4 4" />
      <text x={SIZE / 2} y={SIZE - 6} textAnchor="middle" fontSize="11">
        forecast (confidence / 10)
      </text>
      <text x={10} y={SIZE / 2} textAnchor="middle" fontSize="11" transform={`rotate(-90 10 ${SIZE / 2})`}>
        reached target
      </text>
      {points.map((b) => (
        <circle
          key={b.label}
          cx={scale(b.meanForecast!)}
          cy={SIZE - scale(b.reachedShare!)}
          r={4 + Math.min(b.count, 10)}
          fill="#1971c2"
          fillOpacity={0.6}
        />
      ))}
    </svg>
  );
}
