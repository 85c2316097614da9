/** The size an alignment-map node is drawn at: the server lays the map out with it, the browser draws it. */
export type MapNodeType = 'objective' | 'key_result' | 'department' | 'pillar';

export function mapNodeSize(type: MapNodeType): { width: number; height: number } {
  if (type === 'key_result') return { width: 200, height: 64 };
  if (type === 'department' || type === 'pillar') return { width: 240, height: 116 };
  return { width: 250, height: 112 };
}
