import { Anchor, Badge, Paper, Text } from '@mantine/core';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { DepartmentMap } from '../../api/department-map.js';
import { DEPARTMENT_MAP_NODE_SIZE } from '../../../domain/map-node-size.js';
import { plural } from '../../../domain/quality/helpers.js';

type Department = DepartmentMap['departments'][number];
const SIZE = DEPARTMENT_MAP_NODE_SIZE;

function DepartmentBox({ data: { department } }: NodeProps<Node<{ department: Department }>>) {
  return (
    <Paper withBorder p={6} h="100%" data-testid="department-node">
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      <Anchor component={Link} to={`/teams/${department.id}`} size="sm" fw={700} className="nodrag" lineClamp={1}>
        {department.name}
      </Anchor>
      <Text size="xs">{plural(department.objectiveCount, 'published objective')}</Text>
      {department.gap && (
        <Badge size="xs" color="red.9" variant="filled">
          Connects to nothing outside
        </Badge>
      )}
    </Paper>
  );
}
const NODE_TYPES = { department: DepartmentBox };
const FIT_VIEW = { maxZoom: 1 };

/** Departments as nodes where the server placed them; an edge from the supporting to the supported department, as thick as its weight. */
function toFlow(map: DepartmentMap): { nodes: Node[]; edges: Edge[] } {
  return {
    nodes: map.departments.map((d) => ({
      id: d.id,
      type: 'department',
      position: { x: d.x, y: d.y },
      data: { department: d },
      ...SIZE,
      style: SIZE,
    })),
    edges: map.edges.map((e) => ({
      id: `${e.from}->${e.to}`,
      source: e.from,
      target: e.to,
      label: String(e.weight),
      markerEnd: { type: MarkerType.ArrowClosed },
      style: { strokeWidth: Math.min(1 + Math.log2(e.weight), 6) },
    })),
  };
}

export function DepartmentGraph({ map }: { map: DepartmentMap }) {
  const laid = useMemo(() => toFlow(map), [map]);
  return (
    <div style={{ height: '60vh', minHeight: 360 }} data-testid="department-graph">
      <ReactFlow
        nodes={laid.nodes}
        edges={laid.edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        fitView
        // A few departments are not blown up to fill the frame.
        fitViewOptions={FIT_VIEW}
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
