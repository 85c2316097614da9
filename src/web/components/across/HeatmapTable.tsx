import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HeatmapTeam } from '../../api/heatmap.js';
import type { ProgressStatus } from '../../api/okr-types.js';
import { percent, STATUS_LABEL } from '../ProgressBar.js';
import { ScrollRegion } from '../ScrollRegion.js';

const STATUSES: ProgressStatus[] = ['on_track', 'at_risk', 'off_track'];
/** Cell shades by the share of a team's objectives in the status (text stays dark: 4.5:1 on every shade). */
const SHADE: Record<ProgressStatus, string[]> = {
  on_track: ['#ffffff', '#e6fcf5', '#c3fae8', '#96f2d7'],
  at_risk: ['#ffffff', '#fff9db', '#fff3bf', '#ffec99'],
  off_track: ['#ffffff', '#fff5f5', '#ffe3e3', '#ffc9c9'],
};
const shade = (status: ProgressStatus, count: number, total: number) =>
  SHADE[status][count === 0 ? 0 : Math.min(3, Math.ceil((count / total) * 3))];

const points = (gap: number) => `${gap >= 0 ? '+' : '−'}${Math.abs(Math.round(gap * 100))} pts`;

/** One department's teams against status, with pace, on-time check-ins, quality and alignment health. */
export function HeatmapTable({ department, teams }: { department: string; teams: HeatmapTeam[] }) {
  return (
    <ScrollRegion label={`Heatmap of ${department}`} minWidth={720}>
      <Table aria-label={`Heatmap of ${department}`} withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            {STATUSES.map((s) => (
              <Table.Th key={s}>{STATUS_LABEL[s]}</Table.Th>
            ))}
            <Table.Th>Progress against pace</Table.Th>
            <Table.Th>Check-ins on time</Table.Th>
            <Table.Th>Quality</Table.Th>
            <Table.Th>Alignment</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => (
            <Table.Tr key={t.teamId} data-testid="heatmap-team">
              <Table.Th scope="row">
                <Anchor component={Link} to={`/teams/${t.teamId}`} size="sm">
                  {t.name}
                </Anchor>
              </Table.Th>
              {STATUSES.map((s) => (
                <Table.Td key={s} style={{ background: shade(s, t.statusCounts[s], t.objectives), color: '#1a1b1e' }}>
                  {t.statusCounts[s]}
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="sm">
                  {percent(t.progress)} of {percent(t.expectedProgress)} expected{' '}
                  <Badge size="sm" variant="light" color={t.paceGap >= 0 ? 'teal' : 'red'} c="dark.7">
                    {points(t.paceGap)}
                  </Badge>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t.checkIns.onTimeShare === null
                    ? 'None due yet'
                    : `${percent(t.checkIns.onTimeShare)} (${t.checkIns.onTime} of ${t.checkIns.due})`}
                </Text>
              </Table.Td>
              <Table.Td>{t.qualityScore}</Table.Td>
              <Table.Td>
                <Text size="sm" c={t.alignmentHealth.healthy === false ? 'red.9' : undefined}>
                  {t.alignmentHealth.share === null ? '–' : percent(t.alignmentHealth.share)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
