import { quarterDates, type PlannedObjective, type RowError } from '../../../domain/spreadsheet-import/index.js';
import type { CycleStatus } from '../../../domain/vocabulary.js';
import type { OrgFacts } from './org-facts.js';

export const nameKey = (name: string) => name.trim().toLowerCase();

export interface CycleToCreate {
  name: string;
  startDate: string;
  endDate: string;
  status: CycleStatus;
}

/** A cycle an objective lands in: an existing one (by name) or one the file creates. */
export interface ResolvedCycle {
  key: string;
  id: string | null;
  name: string;
  startDate: string;
  endDate: string;
  closed: boolean;
}

/**
 * Finds each named cycle: an existing one by name, else dates from the file, else the quarter its name
 * says ("Q1 2025"). A name with none of these is an unknown cycle, reported on every row that uses it.
 * A new cycle may not overlap an existing or another new one (cycles tile the calendar).
 */
export function resolveCycles(objectives: PlannedObjective[], facts: OrgFacts, today: string, column: string) {
  const errors: RowError[] = [];
  const resolved = new Map<string, ResolvedCycle>();
  const toCreate: CycleToCreate[] = [];
  for (const objective of objectives) {
    const key = nameKey(objective.cycle);
    if (resolved.has(key)) continue;
    const existing = facts.cycles.find((c) => nameKey(c.name) === key);
    if (existing) {
      resolved.set(key, {
        key,
        id: existing.id,
        name: existing.name,
        startDate: existing.startDate,
        endDate: existing.endDate,
        closed: existing.status === 'closed',
      });
      continue;
    }
    const dated = objectives.find((o) => nameKey(o.cycle) === key && o.cycleStart && o.cycleEnd);
    const dates = dated ? { startDate: dated.cycleStart!, endDate: dated.cycleEnd! } : quarterDates(objective.cycle);
    if (!dates) continue;
    const clash = [...facts.cycles, ...toCreate].find((c) => c.startDate <= dates.endDate && dates.startDate <= c.endDate);
    if (clash) {
      errors.push({
        row: (dated ?? objective).row,
        column,
        message: `Cycle ${objective.cycle} (${dates.startDate} to ${dates.endDate}) overlaps ${clash.name}.`,
      });
      continue;
    }
    const status: CycleStatus = dates.startDate > today ? 'planning' : 'active';
    toCreate.push({ name: objective.cycle.trim(), ...dates, status });
    resolved.set(key, { key, id: null, name: objective.cycle.trim(), ...dates, closed: false });
  }
  for (const objective of objectives) {
    const cycle = resolved.get(nameKey(objective.cycle));
    if (!cycle && !errors.some((e) => e.row === objective.row))
      errors.push({
        row: objective.row,
        column,
        message: `Unknown cycle "${objective.cycle}": create it first, or give its Cycle Start and Cycle End.`,
      });
  }
  return { resolved, toCreate, errors };
}

/** Teams by name (case does not matter); names not found are created. */
export function resolveTeams(names: (string | null)[], facts: OrgFacts) {
  const ids = new Map<string, string | null>();
  const toCreate: string[] = [];
  for (const name of names) {
    if (name === null || ids.has(nameKey(name))) continue;
    const existing = facts.teams.find((t) => nameKey(t.name) === nameKey(name));
    ids.set(nameKey(name), existing?.id ?? null);
    if (!existing) toCreate.push(name.trim());
  }
  return { ids, toCreate };
}

export interface OwnerChoice {
  /** An owner's e-mail in the file → the e-mail of an existing person who takes their place. */
  ownerMapping?: Record<string, string>;
  /** Owners nobody has an account for are invited (default); otherwise each is an error to map. */
  inviteUnknownOwners?: boolean;
}

/** Owners by e-mail, after the mapping; unknown ones are invited (and own nothing until they join) or reported. */
export function resolveOwners(rows: { row: number; ownerEmail: string | null }[], facts: OrgFacts, choice: OwnerChoice, column: string) {
  const byEmail = new Map(facts.people.map((p) => [p.email.toLowerCase(), p.id]));
  const mapping = new Map(Object.entries(choice.ownerMapping ?? {}).map(([from, to]) => [from.toLowerCase(), to.toLowerCase()]));
  const ids = new Map<string, string | null>();
  const toInvite = new Set<string>();
  const errors: RowError[] = [];
  for (const { row, ownerEmail } of rows) {
    if (ownerEmail === null) continue;
    const email = mapping.get(ownerEmail) ?? ownerEmail;
    const id = byEmail.get(email);
    if (id) ids.set(ownerEmail, id);
    else if (mapping.has(ownerEmail))
      errors.push({ row, column, message: `${ownerEmail} is mapped to ${email}, who has no account here.` });
    else if (choice.inviteUnknownOwners === false)
      errors.push({ row, column, message: `Nobody here has the e-mail ${ownerEmail}: map it to someone or invite them.` });
    else {
      ids.set(ownerEmail, null);
      toInvite.add(email);
    }
  }
  return { ids, toInvite: [...toInvite], errors };
}
