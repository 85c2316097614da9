import { eq } from 'drizzle-orm';
import type { ParsedArgs } from '../args.js';
import { requireFlag, stringFlag, UsageError } from '../args.js';
import type { Database } from '../../db/database.js';
import { organizations, users } from '../../db/schema/index.js';
import { ROLES, type Role } from '../../domain/vocabulary.js';
import { createAccount, normalizeEmail } from '../../server/services/create-account.js';
import { updateUser } from '../../server/services/users.js';
import { setPassword } from '../../server/services/passwords.js';
import { SYSTEM } from '../../server/auth/actor.js';
import { AppError } from '../../server/errors.js';
import { readPassword } from './read-password.js';
import { withDatabase } from './with-database.js';

async function organizationId(db: Database, args: ParsedArgs): Promise<string> {
  const wanted = stringFlag(args, 'org');
  const orgs = await db.select().from(organizations);
  if (wanted) {
    const org = orgs.find((o) => o.id === wanted || o.name === wanted);
    if (!org) throw new UsageError(`No organisation "${wanted}".`);
    return org.id;
  }
  if (orgs.length === 0) throw new UsageError('Cairn is not set up yet: run `cairn setup` first.');
  if (orgs.length > 1) throw new UsageError('Several organisations exist: name one with --org.');
  return orgs[0]!.id;
}

async function userByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  if (!user) throw new UsageError(`No person with email ${email}.`);
  return user;
}

function parseRole(value: string | undefined): Role {
  const role = (value ?? 'member') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role;
}

const actions: Record<string, (db: Database, args: ParsedArgs) => Promise<string>> = {
  list: async (db) => {
    const rows = await db.select().from(users).orderBy(users.email);
    return rows.map((u) => `${u.email}\t${u.name}\t${u.role}${u.deactivatedAt ? '\t(deactivated)' : ''}`).join('\n') || '(nobody yet)';
  },
  create: async (db, args) => {
    const orgId = await organizationId(db, args);
    const password = await readPassword(args);
    const user = await db.transaction((tx) =>
      createAccount(tx, {
        orgId,
        email: requireFlag(args, 'email'),
        name: requireFlag(args, 'name'),
        role: parseRole(stringFlag(args, 'role')),
        password,
      }),
    );
    return `Created ${user.email} (${user.role}).`;
  },
  'set-role': async (db, args) => {
    const user = await userByEmail(db, requireFlag(args, 'email'));
    const updated = await updateUser(db, SYSTEM, user.orgId, user.id, { role: parseRole(requireFlag(args, 'role')) });
    return `${updated.email} is now ${updated.role}.`;
  },
  'set-password': async (db, args) => {
    const user = await userByEmail(db, requireFlag(args, 'email'));
    await setPassword(db, SYSTEM, { orgId: user.orgId, userId: user.id }, await readPassword(args));
    return `Password changed for ${user.email}; their sessions are signed out.`;
  },
  deactivate: async (db, args) => {
    const user = await userByEmail(db, requireFlag(args, 'email'));
    await updateUser(db, SYSTEM, user.orgId, user.id, { active: false });
    return `${user.email} is deactivated and signed out everywhere.`;
  },
  activate: async (db, args) => {
    const user = await userByEmail(db, requireFlag(args, 'email'));
    await updateUser(db, SYSTEM, user.orgId, user.id, { active: true });
    return `${user.email} is active again.`;
  },
};

export async function userCommand(args: ParsedArgs) {
  const name = args.positional.shift();
  const action = name ? actions[name] : undefined;
  if (!action) throw new UsageError(`cairn user ${Object.keys(actions).join('|')}`);
  await withDatabase(async (handle) => {
    try {
      console.log(await action(handle.db, args));
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    }
  });
}
