import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDepartmentMap } from '../api/department-map.js';
import { DepartmentGraph } from '../components/across/DepartmentGraph.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { useChosenCycle } from '../components/strategy/CycleSelect.js';
import { plural } from '../../domain/quality/helpers.js';

/** Who supports whom across departments: weighted edges, gaps (departments connected to nothing outside) and overlaps. */
export function DepartmentMapPage() {
  const { cycleId, picker } = useChosenCycle();
  const map = useDepartmentMap(cycleId);
  const name = new Map((map.data?.departments ?? []).map((d) => [d.id, d.name]));
  const gaps = (map.data?.departments ?? []).filter((d) => d.gap);
  return (
    <Stack>
      <Title order={1} size="h2">
        Department map
      </Title>
      {picker}
      {map.isError && <Alert color="red">{map.error.message}</Alert>}
      {map.isPending && cycleId ? (
        <PageSkeleton />
      ) : map.data ? (
        <>
          <Text size="sm" c="dimmed">
            An arrow goes from the department that supports to the one it supports; its number counts the alignments, contributions and
            accepted dependencies between them.
          </Text>
          {map.data.departments.length === 0 ? (
            <Text c="dimmed">No department has published objectives in this cycle yet.</Text>
          ) : (
            <DepartmentGraph map={map.data} />
          )}
          <Title order={2} size="h4">
            Who supports whom
          </Title>
          {map.data.edges.length === 0 ? (
            <Text c="dimmed">No department supports another yet.</Text>
          ) : (
            <List size="sm" aria-label="Who supports whom">
              {map.data.edges.map((e) => (
                <List.Item key={`${e.from}->${e.to}`}>
                  {name.get(e.from)} supports {name.get(e.to)}: {plural(e.alignments, 'alignment')},{' '}
                  {plural(e.contributions, 'contribution')}, {plural(e.dependencies, 'dependency', 'dependencies')}
                </List.Item>
              ))}
            </List>
          )}
          <Title order={2} size="h4">
            Gaps
          </Title>
          {gaps.length === 0 ? (
            <Text c="dimmed">Every department connects to another.</Text>
          ) : (
            <List size="sm" aria-label="Gaps">
              {gaps.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/teams/${d.id}`}>
                    {d.name}
                  </Anchor>{' '}
                  connects to nothing outside it
                </List.Item>
              ))}
            </List>
          )}
          <Title order={2} size="h4">
            Overlaps
          </Title>
          {map.data.overlaps.length === 0 ? (
            <Text c="dimmed">No two teams' objectives say nearly the same thing.</Text>
          ) : (
            <>
              {map.data.overlapsTotal > map.data.overlaps.length && (
                <Text size="sm" c="dimmed">
                  The {map.data.overlaps.length} closest of {map.data.overlapsTotal} overlapping pairs, most similar first.
                </Text>
              )}
              <List size="sm" aria-label="Overlaps">
                {map.data.overlaps.map((o) => (
                  <List.Item key={o.objectives.map((x) => x.id).join('|')}>
                    {o.objectives.map((x, i) => (
                      <span key={x.id}>
                        {i > 0 && ' and '}
                        <Anchor component={Link} to={`/objectives/${x.id}`}>
                          {x.title}
                        </Anchor>{' '}
                        ({x.teamName})
                      </span>
                    ))}{' '}
                    — {Math.round(o.similarity * 100)}% the same words
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </>
      ) : null}
    </Stack>
  );
}
