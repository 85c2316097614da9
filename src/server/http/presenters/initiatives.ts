import type { InitiativeRow } from '../../services/initiatives/initiative-reads.js';

export const presentInitiative = (initiative: InitiativeRow, ownerName: string | null) => ({
  id: initiative.id,
  keyResultId: initiative.keyResultId,
  title: initiative.title,
  ownerId: initiative.ownerId,
  ownerName,
  status: initiative.status,
  dueDate: initiative.dueDate,
  url: initiative.url,
  createdAt: initiative.createdAt.toISOString(),
});
