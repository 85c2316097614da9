import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { organizations } from '../../../db/schema/index.js';
import { todayIn } from '../../clock.js';

/** Today's date in the organisation's time zone, for reads that load nothing else about it (writes join it into their first read). */
export async function organizationToday(db: Executor, orgId: string, now: Date): Promise<string> {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return todayIn(org?.timeZone ?? 'UTC', now);
}
