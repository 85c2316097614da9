import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { cycles, objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** What index.html draws of an objective's page before the app has started: its heading's back link and title. */
export interface ObjectiveFirstScreen {
  title: string;
  cycleName: string;
}

/** The ids GET /objectives/:id accepts (its `idParam`): the first screen is drawn for exactly those. */
const objectiveId = z.uuid();

/**
 * The objective's title and its cycle's name, if `reader` may see it (the same visibility as GET /objectives/:id,
 * decided in the query): one indexed read on index.html's request at /objectives/:id. Null for an id that is not one
 * (the page then says it does not exist) or an objective the reader may not see.
 */
export async function objectiveFirstScreen(db: Executor, reader: Reader, id: string): Promise<ObjectiveFirstScreen | null> {
  if (!objectiveId.safeParse(id).success) return null;
  const [row] = await db
    .select({ title: objectives.title, cycleName: cycles.name })
    .from(objectives)
    .innerJoin(cycles, and(eq(cycles.id, objectives.cycleId), eq(cycles.orgId, objectives.orgId)))
    .where(and(eq(objectives.orgId, reader.orgId), eq(objectives.id, id), objectiveVisibleTo(reader)));
  return row ?? null;
}
