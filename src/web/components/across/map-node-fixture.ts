import type { MapNode } from '../../api/across.js';

/** A bare map node at (x, y) for the map's unit tests: only what placing and windowing read is set. */
export const mapNodeAt = (id: string, x: number, y: number, type: MapNode['type'] = 'objective'): MapNode => ({
  id,
  type,
  title: id,
  level: null,
  teamId: null,
  teamName: null,
  departmentId: null,
  ownerId: null,
  ownerName: null,
  progress: 0,
  expectedProgress: null,
  progressStatus: null,
  orphan: false,
  unsupported: false,
  servesNoPillar: false,
  objectiveId: null,
  objectiveCount: null,
  statusCounts: null,
  x,
  y,
});
