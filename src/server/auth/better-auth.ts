import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { accounts, sessions, users, verifications } from '../../db/schema/index.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules.js';

export interface AuthOptions {
  db: Database;
  secret: string;
  publicUrl: string;
  /** Password reset by e-mail: how the link is sent, and what follows a reset (see services/password-reset.ts). */
  passwordReset?: {
    expiresInSeconds: number;
    send(userId: string, token: string): Promise<void>;
    done(userId: string): Promise<void>;
  };
}

function requestOrigin(request?: Request): string | undefined {
  const host = request?.headers.get('host');
  if (!host) return undefined;
  const proto = request?.headers.get('x-forwarded-proto') ?? new URL(request!.url).protocol.replace(':', '');
  return `${proto}://${host}`;
}

/**
 * Better Auth owns sessions, cookies and password checks. People are created by Cairn's own
 * services (setup, invitations, CLI), so public sign-up stays off.
 */
export function createAuth({ db, secret, publicUrl, passwordReset }: AuthOptions) {
  return betterAuth({
    appName: 'Cairn',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      // The reset token is random, stored with its expiry and consumed on use: single-use and short-lived.
      resetPasswordTokenExpiresIn: passwordReset?.expiresInSeconds,
      sendResetPassword: passwordReset ? ({ user, token }) => passwordReset.send(user.id, token) : undefined,
      onPasswordReset: passwordReset ? ({ user }) => passwordReset.done(user.id) : undefined,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        orgId: { type: 'string', required: true, input: false },
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      session: {
        create: {
          // A deactivated person keeps their password row, so refuse them here, before a session exists.
          before: async (session) => {
            const [user] = await db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, session.userId));
            if (!user || user.deactivatedAt)
              throw new APIError('FORBIDDEN', { message: 'This account is deactivated. Ask an admin to reactivate it.' });
          },
        },
      },
    },
    // Cairn's own login throttle counts failures per email (see login-throttle.ts); Better Auth's counts every request.
    rateLimit: { enabled: false },
    // Same-origin requests are always trusted, so Cairn works at whatever address it is reached.
    trustedOrigins: (request?: Request) => [publicUrl, requestOrigin(request)],
    advanced: { cookiePrefix: 'cairn', disableOriginCheck: false }, // explicit: Better Auth skips origin checks when NODE_ENV=test
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
