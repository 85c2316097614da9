import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { accounts, users } from '../../db/schema/index.js';
import { type Role } from '../../domain/vocabulary.js';
import { conflict } from '../errors.js';
import { assertPasswordAllowed } from '../auth/password-rules.js';
import { isUniqueViolation } from './db-errors.js';

export interface NewAccount {
  orgId: string;
  name: string;
  email: string;
  password: string;
  role: Role;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Creates a person with a password login, in the caller's transaction. Rows follow Better Auth's
 * layout (credential account, its password hash format) so Better Auth signs them in.
 */
export async function createAccount(tx: Executor, input: NewAccount) {
  const email = normalizeEmail(input.email);
  assertPasswordAllowed(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  try {
    // A savepoint keeps the caller's transaction usable when the email is taken.
    return await tx.transaction(async (inner) => {
      const [user] = await inner
        .insert(users)
        .values({ id, orgId: input.orgId, name: input.name.trim(), email, role: input.role, emailVerified: true })
        .returning();
      await inner
        .insert(accounts)
        .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('email', `${email} already has an account.`);
    throw error;
  }
}

export async function countUsers(tx: Executor): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}
