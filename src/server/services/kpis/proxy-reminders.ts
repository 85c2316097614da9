import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { cycles, keyResults, objectives, organizations } from '../../../db/schema/index.js';
import { todayIn } from '../../clock.js';
import { notify, type NotifyContext } from '../notifications/notify.js';

export interface ProxyWork {
  key: string;
  run(tx: Transaction, ctx: NotifyContext): Promise<Record<string, number>>;
}

/**
 * A key result measured by a proxy was to be measured properly by its `proxyReplaceBy` date. Once that date has
 * passed in the organisation's time zone (and its cycle is still running), its owner — or the objective's, when it
 * has none — is told once per promised date: moving the date asks again later.
 */
export async function dueProxyReminders(db: Executor, now: Date, orgId?: string): Promise<ProxyWork[]> {
  const replaceBy = sql<string>`${keyResults.dataReadiness}->>'proxyReplaceBy'`;
  const rows = await db
    .select({
      id: keyResults.id,
      orgId: keyResults.orgId,
      title: keyResults.title,
      ownerId: sql<string | null>`coalesce(${keyResults.ownerId}, ${objectives.ownerId})`,
      objectiveId: objectives.id,
      replaceBy,
      timeZone: organizations.timeZone,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .innerJoin(organizations, eq(organizations.id, keyResults.orgId))
    .where(
      and(
        orgId ? eq(keyResults.orgId, orgId) : undefined,
        sql`${keyResults.dataReadiness}->>'reliability' = 'proxy'`,
        sql`${replaceBy} is not null`,
        ne(cycles.status, 'closed'),
        eq(objectives.status, 'active'),
      ),
    );
  return rows
    .filter((kr) => kr.ownerId !== null && kr.replaceBy < todayIn(kr.timeZone, now))
    .map((kr) => ({
      key: `proxy-replace:${kr.id}:${kr.replaceBy}`,
      run: async (tx, ctx) => {
        const sent = await notify(tx, ctx, {
          orgId: kr.orgId,
          userId: kr.ownerId!,
          kind: 'reminder',
          title: `Replace the proxy measure of “${kr.title}”`,
          body: `“${kr.title}” is measured by a proxy that was to be replaced by ${kr.replaceBy}. Measure it directly now, or set a new date in its data readiness.`,
          link: `/objectives/${kr.objectiveId}`,
          objectiveId: kr.objectiveId,
          entityType: 'key_result',
          entityId: kr.id,
          dedupeKey: `proxy-replace:${kr.id}:${kr.replaceBy}`,
        });
        return { proxyReminders: sent ? 1 : 0 };
      },
    }));
}
