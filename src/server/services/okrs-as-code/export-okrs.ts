import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { alignments, cycles, importExternalIds, keyResults, objectives, teams, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeImport } from '../../policies/imports.js';
import { writeAndAnnounce } from '../announce.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { OKRS_AS_CODE_SOURCE } from './apply-okrs.js';
import { keyResultEntry } from './key-result-entry.js';
import { uniqueKey } from './keys.js';
import type { OkrDocument } from './okr-yaml.js';

/**
 * `okrs export`: a cycle's objectives (archived ones left out) as an OKRs-as-code document. Rows without a
 * key get one now, recorded like an import's Row ID, so applying the exported file changes nothing.
 */
export async function exportOkrs(deps: ServiceDeps, actor: Actor, cycleName: string): Promise<OkrDocument> {
  authorizeImport(actor);
  const { orgId } = actor;
  return writeAndAnnounce(deps, orgId, async (tx) => {
    const [cycle] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.orgId, orgId), eq(cycles.name, cycleName.trim())));
    if (!cycle) throw notFound('cycle', `No cycle is named "${cycleName}".`);
    const objectiveRows = await tx
      .select()
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycle.id), ne(objectives.status, 'archived')))
      .orderBy(asc(objectives.createdAt));
    const ids = objectiveRows.map((o) => o.id);
    const krRows =
      ids.length === 0
        ? []
        : await tx
            .select()
            .from(keyResults)
            .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, ids)))
            .orderBy(asc(keyResults.position));
    const links =
      ids.length === 0
        ? []
        : await tx
            .select()
            .from(alignments)
            .where(and(eq(alignments.orgId, orgId), inArray(alignments.childObjectiveId, ids)));
    const known = await tx
      .select()
      .from(importExternalIds)
      .where(and(eq(importExternalIds.orgId, orgId), eq(importExternalIds.source, OKRS_AS_CODE_SOURCE)));
    const people = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId))).map((p) => [p.id, p.email]),
    );
    const teamNames = new Map(
      (await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, orgId))).map((t) => [t.id, t.name]),
    );

    const keyOf = new Map(known.map((k) => [(k.objectiveId ?? k.keyResultId)!, k.externalId]));
    const taken = new Set(known.map((k) => k.externalId));
    const assigned: (typeof importExternalIds.$inferInsert)[] = [];
    const keyFor = (id: string, proposal: string, target: { objectiveId?: string; keyResultId?: string }) => {
      const existing = keyOf.get(id);
      if (existing) return existing;
      const key = uniqueKey(proposal, taken);
      keyOf.set(id, key);
      assigned.push({ orgId, source: OKRS_AS_CODE_SOURCE, externalId: key, ...target });
      return key;
    };
    for (const o of objectiveRows) keyFor(o.id, o.title, { objectiveId: o.id });
    for (const kr of krRows) keyFor(kr.id, `${keyOf.get(kr.objectiveId)}.kr${kr.position + 1}`, { keyResultId: kr.id });
    if (assigned.length > 0) await tx.insert(importExternalIds).values(assigned);

    return {
      version: 1 as const,
      cycle: { name: cycle.name, start: cycle.startDate, end: cycle.endDate },
      objectives: objectiveRows.map((o) => ({
        key: keyOf.get(o.id)!,
        title: o.title,
        ...(o.description ? { description: o.description } : {}),
        level: o.teamId === null ? ('company' as const) : ('team' as const),
        ...(o.teamId ? { team: teamNames.get(o.teamId)! } : {}),
        ...(o.ownerId && people.has(o.ownerId) ? { owner: people.get(o.ownerId)! } : {}),
        type: o.type,
        ...(o.weight !== 1 ? { weight: o.weight } : {}),
        alignsTo: links
          .filter((l) => l.childObjectiveId === o.id)
          .flatMap((l) => {
            const key = keyOf.get((l.parentObjectiveId ?? l.parentKeyResultId)!);
            return key ? [key] : [];
          }),
        keyResults: krRows
          .filter((kr) => kr.objectiveId === o.id)
          .map((kr) => keyResultEntry(kr, keyOf.get(kr.id)!, kr.ownerId ? people.get(kr.ownerId) : undefined)),
      })),
    };
  });
}
