/**
 * Initiatives are the work under a key result. They do not count in its progress, unless a milestone key result is
 * driven by them: then each initiative that is not dropped is one of its milestones, done when the initiative is.
 */
export const INITIATIVE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Still to do: it belongs in its owner's week. */
export const isOpenInitiative = (status: InitiativeStatus) => status === 'planned' || status === 'in_progress';

export interface InitiativeMilestone {
  title: string;
  weight: number;
  done: boolean;
}

/** The milestones of a key result driven by its initiatives, in the initiatives' order; dropped ones leave. */
export function milestonesFromInitiatives(initiatives: readonly { title: string; status: InitiativeStatus }[]): InitiativeMilestone[] {
  return initiatives.filter((i) => i.status !== 'dropped').map((i) => ({ title: i.title, weight: 1, done: i.status === 'done' }));
}

/** "2 of 3 initiatives done": the note of the check-in the initiatives make. */
export function initiativesNote(milestones: readonly InitiativeMilestone[]): string {
  const done = milestones.filter((m) => m.done).length;
  return `Driven by its initiatives: ${done} of ${milestones.length} done.`;
}
