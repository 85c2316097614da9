/**
 * A synthetic cycle for the browser benches: levels of objectives, each aligned to one of the level
 * above, two metric key results each, on an in-memory PGlite with its owner signed up.
 */
import { randomUUID } from 'node:crypto';
import { openPgliteInMemory } from '../src/db/pglite-engine.js';
import { alignments, cycles, keyResults, objectives, teams } from '../src/db/schema/index.js';
import { setupOrganization } from '../src/server/services/setup.js';

export const BENCH_OWNER = { email: 'ada@bench.test', password: 'bench-password-1' };

export interface SeedOptions {
  /** Objectives under each objective of the level above, from the company level down. */
  fanOut: readonly number[];
  /**
   * Place the second level in a department each and the levels below in a team of it (one team
   * per second-level objective), as the alignment map draws them; without, every objective is
   * company level.
   */
  withTeams?: boolean;
}

/** A statement takes at most 65,535 parameters: rows go in slices of 2,000. */
function chunks<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / 2000) }, (_, i) => rows.slice(i * 2000, (i + 1) * 2000));
}

export async function seedCycle({ fanOut, withTeams = false }: SeedOptions) {
  const handle = await openPgliteInMemory();
  await handle.migrate();
  const { organization, owner } = await setupOrganization(handle.db, { organization: 'Bench', name: 'Ada', ...BENCH_OWNER }, 'local');
  const orgId = organization.id;
  const [cycle] = await handle.db
    .insert(cycles)
    .values({ orgId, name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31', status: 'active' })
    .returning();
  let parents: { id: string | null; teamId: string | null }[] = [{ id: null, teamId: null }];
  let total = 0;
  let seedValue = 1;
  const random = () => (seedValue = (seedValue * 16807) % 2147483647) / 2147483647;
  for (const [level, fan] of fanOut.entries()) {
    const rows = parents.flatMap((parent) =>
      Array.from({ length: fan }, (_, i) => ({
        id: randomUUID(),
        parent: parent.id,
        teamId: parent.teamId,
        title: `Level ${level + 1} objective ${total + i + 1}: grow what matters`,
        progress: random(),
      })),
    );
    if (withTeams && level === 1) {
      // One department per company objective, one team per department objective.
      const departments = await handle.db
        .insert(teams)
        .values(parents.map((_, i) => ({ orgId, name: `Department ${i + 1}`, kind: 'department' as const })))
        .returning({ id: teams.id });
      const teamRows = await handle.db
        .insert(teams)
        .values(
          rows.map((_, i) => ({ orgId, name: `Team ${i + 1}`, kind: 'team' as const, parentId: departments[Math.floor(i / fan)]!.id })),
        )
        .returning({ id: teams.id });
      rows.forEach((row, i) => (row.teamId = teamRows[i]!.id));
    }
    total += rows.length;
    for (const part of chunks(rows))
      await handle.db.insert(objectives).values(
        part.map((r) => ({
          id: r.id,
          orgId,
          cycleId: cycle!.id,
          title: r.title,
          ownerId: owner.id,
          teamId: r.teamId,
          progress: r.progress,
        })),
      );
    for (const part of chunks(rows))
      await handle.db.insert(keyResults).values(
        part.flatMap((r) =>
          [0, 1].map((k) => ({
            orgId,
            objectiveId: r.id,
            title: `Key result ${k + 1}`,
            kind: 'metric' as const,
            startValue: 0,
            targetValue: 100,
            progress: r.progress,
          })),
        ),
      );
    const links = rows.filter((r) => r.parent).map((r) => ({ orgId, childObjectiveId: r.id, parentObjectiveId: r.parent }));
    for (const part of chunks(links)) await handle.db.insert(alignments).values(part);
    parents = rows.map((r) => ({ id: r.id, teamId: r.teamId }));
  }
  return { handle, cycleId: cycle!.id, total };
}
