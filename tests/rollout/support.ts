import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { organizations, users } from '../../src/db/schema/index.js';
import type { Client } from '../support/client.js';
import { addPerson, expectStatus, type Person } from '../support/fixtures.js';

/** Invites a person and makes them an OKR champion (as the People page does, through PATCH /users/:id). */
export async function addChampion(owner: Client, name = 'Chris Champion', teamId?: string): Promise<Person> {
  const person = await addPerson(owner, { name, teamId });
  const promoted = await owner.patch(`/api/v1/users/${person.user.id}`, { role: 'champion' });
  expectStatus(promoted, 200);
  expect(promoted.body.role).toBe('champion');
  return person;
}

/** A team with `size` members, each signed in. */
export async function teamOf(owner: Client, teamId: string, size: number, label: string): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < size; i++) people.push(await addPerson(owner, { teamId, name: `${label} ${i + 1}` }));
  return people;
}

/** A person of a second organisation on the same database, made directly: setup only runs once per instance. */
export async function outsider(db: Database): Promise<{ orgId: string; userId: string }> {
  const [org] = await db.insert(organizations).values({ name: 'Other' }).returning();
  const [user] = await db
    .insert(users)
    .values({ id: randomUUID(), orgId: org!.id, name: 'Olga Other', email: `olga-${randomUUID()}@example.test` })
    .returning();
  return { orgId: org!.id, userId: user!.id };
}
