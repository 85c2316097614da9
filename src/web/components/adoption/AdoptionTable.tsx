import { Badge, Table, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import type { AdoptionGroup } from '../../api/adoption.js';

type Week = AdoptionGroup['weeks'][number];

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
const num = (v: number | null) => (v === null ? '—' : String(v));

/** The columns, in the order docs/adoption.md defines them. */
export const FIGURES: { label: string; show: (w: Week) => string }[] = [
  { label: 'Involved', show: (w) => pct(w.involvement) },
  { label: 'Check-ins on time', show: (w) => pct(w.onTimeCheckIns) },
  { label: 'Blockers answered in time', show: (w) => pct(w.blockersAnsweredInTime) },
  { label: 'Comments per objective', show: (w) => num(w.commentsPerObjective) },
  { label: 'Reviews done', show: (w) => pct(w.reviewCompletion) },
  { label: 'Retrospectives done', show: (w) => pct(w.retrospectiveCompletion) },
  { label: 'Quality score', show: (w) => num(w.averageQuality) },
  { label: 'Minutes invested', show: (w) => String(w.minutesInvested) },
];

/**
 * A wide table under a visible title (a caption would be centred across the table's full width, off a phone's
 * screen), scrolling sideways inside a region the keyboard can reach (axe: scrollable-region-focusable).
 * The title names both the region and the table.
 */
function Scrolls({ label, children }: { label: string; children: (titleId: string) => ReactNode }) {
  const titleId = useId();
  return (
    <div>
      <Text id={titleId} fw={600} size="sm" mb={4}>
        {label}
      </Text>
      <div role="region" aria-labelledby={titleId} tabIndex={0} style={{ overflowX: 'auto' }}>
        {children(titleId)}
      </div>
    </div>
  );
}

type Score = AdoptionGroup['surveyScores']['clarity'];

/** A survey score of 5; "merged" when the group was under the anonymity threshold and shows its parent's figure. */
function SurveyScore({ score }: { score: Score }) {
  if (!score || score.average === null) return <Text span>—</Text>;
  return (
    <Text span>
      {score.average.toFixed(1)}
      {score.merged && (
        <Text span size="xs" c="dimmed">
          {' '}
          (merged)
        </Text>
      )}
    </Text>
  );
}

function Trend({ value }: { value: number | null }) {
  if (value === null || value === 0) return <Text span>—</Text>;
  const points = Math.round(value * 100);
  return <Text span c={value > 0 ? 'teal.9' : 'red.9'}>{`${value > 0 ? '▲ +' : '▼ '}${points} pts`}</Text>;
}

/** One row per group: its latest survey scores and week, and how involvement moved over the range. */
export function AdoptionTable({ caption, groups }: { caption: string; groups: AdoptionGroup[] }) {
  return (
    <Scrolls label={caption}>
      {(titleId) => (
        <Table striped miw={900} aria-labelledby={titleId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Group</Table.Th>
              <Table.Th scope="col">Members</Table.Th>
              <Table.Th scope="col">Clarity (of 5)</Table.Th>
              <Table.Th scope="col">Leadership support (of 5)</Table.Th>
              {FIGURES.map((f) => (
                <Table.Th scope="col" key={f.label}>
                  {f.label}
                </Table.Th>
              ))}
              <Table.Th scope="col">Involvement trend</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => {
              const last = g.weeks.at(-1);
              return (
                <Table.Tr key={g.id} data-testid={`adoption-${g.kind}-${g.name}`}>
                  {/* Wide enough for the "falls behind" badge, which Mantine otherwise cuts to "FALLS…". */}
                  <Table.Th scope="row" miw={150}>
                    {g.name} {g.inPilot && <Badge variant="light">pilot</Badge>}{' '}
                    {g.flagged && (
                      <Badge color="red.9" variant="filled">
                        falls behind
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{last?.members ?? 0}</Table.Td>
                  <Table.Td>
                    <SurveyScore score={g.surveyScores.clarity} />
                  </Table.Td>
                  <Table.Td>
                    <SurveyScore score={g.surveyScores.leadershipSupport} />
                  </Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f.label}>{last ? f.show(last) : '—'}</Table.Td>
                  ))}
                  <Table.Td>
                    <Trend value={g.trend.involvement} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Scrolls>
  );
}

/** The organisation (or any group) week by week. */
export function WeeklyTable({ group }: { group: AdoptionGroup }) {
  return (
    <Scrolls label={`${group.name}, week by week`}>
      {(titleId) => (
        <Table striped miw={900} aria-labelledby={titleId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Week of</Table.Th>
              <Table.Th scope="col">Members</Table.Th>
              {FIGURES.map((f) => (
                <Table.Th scope="col" key={f.label}>
                  {f.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.weeks.map((w) => (
              <Table.Tr key={w.weekStart}>
                <Table.Th scope="row">{w.weekStart}</Table.Th>
                <Table.Td>{w.members}</Table.Td>
                {FIGURES.map((f) => (
                  <Table.Td key={f.label}>{f.show(w)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Scrolls>
  );
}
