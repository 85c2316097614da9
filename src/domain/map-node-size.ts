/** The size a map node is drawn at: the server lays the maps out with it, the browser draws it. */
export type MapNodeType = 'objective' | 'key_result' | 'department' | 'pillar';

export function mapNodeSize(type: MapNodeType): { width: number; height: number } {
  if (type === 'key_result') return { width: 200, height: 64 };
  if (type === 'department' || type === 'pillar') return { width: 240, height: 116 };
  return { width: 250, height: 112 };
}

/** A department on the department map (name, objective count and the gap badge). */
export const DEPARTMENT_MAP_NODE_SIZE = { width: 220, height: 84 } as const;
