import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { checkIns, cycles, keyResults, objectives, organizations, teams, users } from '../../src/db/schema/index.js';

/** One organisation's rows, inserted straight into the database (no service), for constraint tests. */
export interface OrgRows {
  orgId: string;
  userId: string;
  teamId: string;
  cycleId: string;
  objectiveId: string;
  keyResultId: string;
  checkInId: string;
}

export async function insertOrganization(db: Database, name: string): Promise<OrgRows> {
  const org = single(await db.insert(organizations).values({ name }).returning());
  const userId = randomUUID();
  await db.insert(users).values({ id: userId, orgId: org.id, name: `${name} owner`, email: `${userId}@example.test`, role: 'owner' });
  const team = single(
    await db
      .insert(teams)
      .values({ orgId: org.id, name: `${name} team` })
      .returning(),
  );
  const cycle = single(
    await db.insert(cycles).values({ orgId: org.id, name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' }).returning(),
  );
  const objective = single(
    await db
      .insert(objectives)
      .values({ orgId: org.id, cycleId: cycle.id, title: `${name} objective`, ownerId: userId, teamId: team.id })
      .returning(),
  );
  const keyResult = single(
    await db
      .insert(keyResults)
      .values({ orgId: org.id, objectiveId: objective.id, title: 'Grow', kind: 'metric', startValue: 0, targetValue: 10, ownerId: userId })
      .returning(),
  );
  const checkIn = single(
    await db
      .insert(checkIns)
      .values({ orgId: org.id, keyResultId: keyResult.id, authorId: userId, asOf: '2026-01-10', value: 3, confidence: 7 })
      .returning(),
  );
  return {
    orgId: org.id,
    userId,
    teamId: team.id,
    cycleId: cycle.id,
    objectiveId: objective.id,
    keyResultId: keyResult.id,
    checkInId: checkIn.id,
  };
}

interface DatabaseErrorFields {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** The driver's error under Drizzle's wrapper (both drivers report the SQLSTATE code and the constraint). */
function databaseError(error: unknown): DatabaseErrorFields {
  let current: unknown = error;
  while (current && typeof current === 'object') {
    const fields = current as DatabaseErrorFields;
    if (fields.code) return fields;
    current = fields.cause;
  }
  return {};
}

export const SQLSTATE = { foreignKey: '23503', unique: '23505', check: '23514' } as const;

/** Asserts the database itself refused the write, with this SQLSTATE and this constraint. */
export async function expectRefused(write: Promise<unknown>, code: string, constraint: string): Promise<void> {
  let caught: unknown;
  try {
    await write;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the database accepted the write').toBeDefined();
  const { code: actualCode, constraint: actualConstraint } = databaseError(caught);
  expect({ code: actualCode, constraint: actualConstraint }).toEqual({ code, constraint });
}

/** The one row a statement returned (fails the test otherwise). */
export function single<T>(rows: readonly T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}
