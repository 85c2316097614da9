import { eq } from 'drizzle-orm';
import { organizations } from '../../../db/schema/index.js';
import { todayIn } from '../../clock.js';
import type { AppContext } from '../context.js';

/** Today's date in the organisation's time zone, by the app's clock. */
export async function organizationToday(ctx: AppContext, orgId: string): Promise<string> {
  const [org] = await ctx.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  return todayIn(org?.timeZone ?? 'UTC', ctx.clock());
}
