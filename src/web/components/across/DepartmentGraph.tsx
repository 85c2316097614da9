import { Anchor, Badge, Paper, Text } from '@mantine/core';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DepartmentMap } from '../../api/department-map.js';
import { plural } from '../../../domain/quality/helpers.js';

type Department = DepartmentMap['departments'][number];
const SIZE = { width: 220, height: 84 };
const elk = new ELK();

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

/** Departments as nodes, laid out by elkjs; an edge from the supporting to the supported department, as thick as its weight. */
async function layOut(map: DepartmentMap): Promise<{ nodes: Node[]; edges: Edge[] }> {
  const graph = await elk.layout({
    id: 'departments',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.layered.spacing.nodeNodeBetweenLayers': '70' },
    children: map.departments.map((d) => ({ id: d.id, ...SIZE })),
    edges: map.edges.map((e) => ({ id: `${e.from}->${e.to}`, sources: [e.from], targets: [e.to] })),
  });
  const at = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  return {
    nodes: map.departments.map((d) => ({ id: d.id, type: 'department', position: at.get(d.id)!, data: { department: d }, style: SIZE })),
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
  const [laid, setLaid] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    let current = true;
    void layOut(map).then((result) => current && setLaid(result));
    return () => {
      current = false;
    };
  }, [map]);
  if (!laid) return null;
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
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
