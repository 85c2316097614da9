/**
 * The bench's actor, cycle and moment for a kept, already-seeded scale-1 database (bench/measure.ts's benchContext
 * without its seeding): the data set is regenerated in-process (same seed, same ids) to name them.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { cycles } from '../src/db/schema/index.js';
import type { Reader } from '../src/server/services/visibility/objective-visible.js';
import { generateDataset } from './generate.js';

export interface KeptContext {
  reader: Reader;
  cycle: typeof cycles.$inferSelect;
  cycleIds: string[];
  now: Date;
}

export async function keptContext(db: Database, scale = 1): Promise<KeptContext> {
  const data = generateDataset(scale);
  const active = data.cycles[data.activeCycleIndex]!;
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, data.org.id), eq(cycles.id, active.id)));
  if (!cycle) throw new Error('the active cycle is not in this database');
  const deep = data.objectives
    .filter((o) => o.cycleIndex === data.activeCycleIndex && o.level === 5)
    .flatMap((o) => data.keyResults.slice(o.firstKeyResult, o.firstKeyResult + o.keyResultCount))
    .find((kr) => kr.kind === 'metric');
  return {
    reader: { orgId: data.org.id, userId: data.users[deep!.ownerIndex]!.id, role: 'member' },
    cycle,
    cycleIds: data.cycles.map((c) => c.id),
    now: new Date(`${data.today}T15:00:00Z`),
  };
}
