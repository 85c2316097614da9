import { Badge } from '@mantine/core';
import { Hint } from '../hint/Hint.js';
import { forecastProgress, type CycleDates, type ProgressPoint } from '../../../domain/index.js';
import { percent } from '../ProgressBar.js';

/**
 * The history that says something about the trend: a leading run of zeros (weeks before anyone
 * checked in, or before the objective existed) keeps only its last day, where the movement began.
 */
export function trendPoints(points: readonly ProgressPoint[]): ProgressPoint[] {
  const firstMoved = points.findIndex((p) => p.progress > 0);
  if (firstMoved === -1) return [];
  return points.slice(Math.max(0, firstMoved - 1));
}

const EXPLANATION = 'A straight line through the check-in history, read off at the end of the cycle. A hint, not a status.';

/**
 * Where the objective ends the cycle if it keeps its trend: a hint beside the status badge, never part
 * of it (status compares progress with the pace; the forecast extrapolates the check-in history).
 */
export function ForecastBadge({ points, cycle }: { points: readonly ProgressPoint[]; cycle: CycleDates }) {
  const history = trendPoints(points);
  if (history.length === 0) return null;
  const forecast = forecastProgress(history, cycle);
  const color = forecast >= 0.95 ? 'teal' : forecast >= 0.7 ? 'yellow' : 'red';
  return (
    <Hint label={EXPLANATION}>
      <Badge
        variant="outline"
        color={color}
        data-testid="forecast"
        aria-label={`Forecast at the end of the cycle: ${percent(forecast)}. ${EXPLANATION}`}
      >
        Forecast {percent(forecast)}
      </Badge>
    </Hint>
  );
}
