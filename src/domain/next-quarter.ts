import type { IsoDate } from './dates.js';

export interface ProposedCycle {
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

const iso = (date: Date): IsoDate => date.toISOString().slice(0, 10);

function quarter(year: number, index: number): ProposedCycle {
  return {
    name: `Q${index + 1} ${year}`,
    startDate: iso(new Date(Date.UTC(year, index * 3, 1))),
    endDate: iso(new Date(Date.UTC(year, index * 3 + 3, 0))),
  };
}

/**
 * What "New cycle" proposes: the quarter of `today`, or the first one after it that no existing cycle already
 * covers (same name, or overlapping dates) — never a copy of a cycle that exists, which the server would refuse.
 */
export function proposeNextQuarter(existing: readonly ProposedCycle[], today: IsoDate): ProposedCycle {
  let year = Number(today.slice(0, 4));
  let index = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  // Forty quarters ahead is ten years of cycles: far beyond any real plan, and it keeps the loop finite.
  for (let step = 0; step < 40; step++) {
    const candidate = quarter(year, index);
    const taken = existing.some(
      (c) =>
        c.name.trim().toLowerCase() === candidate.name.toLowerCase() ||
        (c.startDate <= candidate.endDate && candidate.startDate <= c.endDate),
    );
    if (!taken) return candidate;
    index = (index + 1) % 4;
    if (index === 0) year += 1;
  }
  return quarter(year, index);
}
