import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { Handle, Position, useStore, type NodeProps, type Node } from '@xyflow/react';
import { Link } from 'react-router';
import type { MapNode } from '../../api/across.js';
import { percent, STATUS_COLOR, STATUS_LABEL } from '../ProgressBar.js';

type Data = { node: MapNode; onExpand?: (teamId: string) => void };
type Props = NodeProps<Node<Data>>;

const Pins = () => (
  <>
    <Handle type="target" position={Position.Top} isConnectable={false} />
    <Handle type="source" position={Position.Bottom} isConnectable={false} />
  </>
);

function Pace({ node }: { node: MapNode }) {
  if (node.expectedProgress === null) return <Text size="xs">{percent(node.progress)} done</Text>;
  return (
    <Text size="xs">
      {percent(node.progress)} done · {percent(node.expectedProgress)} expected
    </Text>
  );
}

/** Below this zoom a node's text is a few pixels high: it is drawn as a coloured box with its title. */
const FAR_ZOOM = 0.35;
const useFar = () => useStore((s) => s.transform[2] < FAR_ZOOM);

/**
 * A node seen from afar: plain elements, no Mantine components, so a 2,000-objective map draws in a
 * fraction of the time (issue 14: interactive within 1 s); zooming in brings the full card back.
 */
function FarNode({ node, color, testId }: { node: MapNode; color: string; testId: string }) {
  return (
    <div
      data-testid={testId}
      style={{
        height: '100%',
        border: '1px solid var(--mantine-color-gray-4)',
        borderLeft: `6px solid var(--mantine-color-${color}-6)`,
        borderRadius: 'var(--mantine-radius-sm)',
        background: node.orphan ? 'var(--mantine-color-grape-1)' : 'var(--mantine-color-body)',
        padding: 6,
        overflow: 'hidden',
        fontSize: 'var(--mantine-font-size-sm)',
      }}
    >
      <Pins />
      {node.title}
    </div>
  );
}

/** An objective: title (a link to it), owner, progress against pace, status colour, orphan flag. */
export function ObjectiveNode({ data: { node } }: Props) {
  const color = node.progressStatus ? STATUS_COLOR[node.progressStatus] : 'gray';
  const far = useFar();
  if (far) return <FarNode node={node} color={color} testId="map-objective" />;
  return (
    <Paper withBorder p={6} h="100%" style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)` }} data-testid="map-objective">
      <Pins />
      <Anchor component={Link} to={`/objectives/${node.id}`} size="sm" fw={600} lineClamp={2} className="nodrag">
        {node.title}
      </Anchor>
      <Text size="xs" c="dimmed" truncate>
        {[node.level, node.teamName, node.ownerName].filter(Boolean).join(' · ')}
      </Text>
      <Group gap={4}>
        <Pace node={node} />
        {node.progressStatus && (
          <Badge size="xs" color={color} variant="light">
            {STATUS_LABEL[node.progressStatus]}
          </Badge>
        )}
        {node.orphan && (
          <Badge size="xs" color="grape" variant="filled">
            Orphan
          </Badge>
        )}
        {node.servesNoPillar && (
          <Badge size="xs" color="red.9" variant="filled">
            Serves no pillar
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

export function KeyResultNode({ data: { node } }: Props) {
  const far = useFar();
  if (far) return <FarNode node={node} color={node.unsupported ? 'orange' : 'gray'} testId="map-key-result" />;
  return (
    <Paper withBorder p={6} h="100%" bg={node.unsupported ? 'var(--mantine-color-orange-0)' : undefined} data-testid="map-key-result">
      <Pins />
      <Text size="xs" fw={500} lineClamp={2}>
        {node.title}
      </Text>
      <Group gap={4}>
        <Text size="xs">{percent(node.progress)}</Text>
        {node.unsupported && (
          <Badge size="xs" color="red.9" variant="filled">
            Nothing supports it
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

/** A department of an aggregated map: its objectives counted by status; expands on demand. */
export function DepartmentNode({ data: { node, onExpand } }: Props) {
  const counts = node.statusCounts ?? { on_track: 0, at_risk: 0, off_track: 0 };
  return (
    <Paper withBorder p={6} h="100%" data-testid="map-department">
      <Pins />
      <Text size="sm" fw={700} truncate>
        {node.title}
      </Text>
      <Text size="xs">
        {node.objectiveCount} objectives · {percent(node.progress)} average
      </Text>
      <Text size="xs" c="dimmed">
        {counts.on_track} on track · {counts.at_risk} at risk · {counts.off_track} off track
      </Text>
      <Button size="compact-xs" variant="light" className="nodrag" onClick={() => onExpand?.(node.id)}>
        Expand {node.title}
      </Button>
    </Paper>
  );
}

/** A strategic pillar at the top of the map: what serves it, how it is doing, or that nothing serves it. */
export function PillarNode({ data: { node } }: Props) {
  const color = node.progressStatus ? STATUS_COLOR[node.progressStatus] : 'gray';
  return (
    <Paper withBorder p={6} h="100%" bg="var(--mantine-color-indigo-0)" data-testid="map-pillar">
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      {/* In the pillar's indigo: the theme's teal link colour measures 4.46:1 on its tint (axe). */}
      <Anchor component={Link} to={`/strategy/pillars/${node.id}`} size="sm" fw={700} lineClamp={1} className="nodrag" c="indigo.9">
        {node.title}
      </Anchor>
      <Text size="xs" c="dimmed" truncate>
        Pillar{node.ownerName ? ` · ${node.ownerName}` : ''}
      </Text>
      <Group gap={4}>
        {node.unsupported ? (
          <Badge size="xs" color="red.9" variant="filled">
            Nothing serves it
          </Badge>
        ) : (
          <>
            <Text size="xs">{node.objectiveCount} serving</Text>
            <Pace node={node} />
            {node.progressStatus && (
              <Badge size="xs" color={color} variant="light">
                {STATUS_LABEL[node.progressStatus]}
              </Badge>
            )}
          </>
        )}
      </Group>
    </Paper>
  );
}

export const NODE_TYPES = { objective: ObjectiveNode, key_result: KeyResultNode, department: DepartmentNode, pillar: PillarNode };
