import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { sso } from '@better-auth/sso';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { accounts, sessions, ssoProviders, users, verifications } from '../../db/schema/index.js';
import { issuerOrigins, passwordSignInRefusal, providerById, recordSsoRefusal } from '../services/sso/sso-sign-in.js';
import { ssoSignInOptions, validateSsoUserInfo } from './sso-hooks.js';
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
      schema: { user: users, session: sessions, account: accounts, verification: verifications, ssoProvider: ssoProviders },
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
        // Not required here: a first single sign-on sets it in databaseHooks.user.create (the column is NOT NULL).
        orgId: { type: 'string', required: false, input: false },
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
      },
      // Single sign-on refuses unverified e-mails, other domains and deactivated people (sso-hooks.ts).
      validateUserInfo: (data) => validateSsoUserInfo(db, data),
    },
    plugins: [sso(ssoSignInOptions(db))],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email' && typeof ctx.body?.email === 'string') {
          const refusal = await passwordSignInRefusal(db, ctx.body.email);
          if (refusal) throw new APIError('FORBIDDEN', { code: 'PASSWORD_SIGN_IN_OFF', message: refusal });
        }
        // The identity provider itself refused (a disabled account, a cancelled consent): audited too.
        const providerId = typeof ctx.params?.providerId === 'string' ? ctx.params.providerId : undefined;
        if (ctx.path.startsWith('/sso/callback') && providerId && typeof ctx.query?.error === 'string') {
          const provider = await providerById(db, providerId);
          if (provider) await recordSsoRefusal(db, provider.orgId, providerId, `identity provider: ${ctx.query.error}`);
        }
      }),
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      user: {
        create: {
          // Better Auth creates the person on a first single sign-on: they join the provider's organisation.
          before: async (user, ctx) => {
            const providerId = typeof ctx?.params?.providerId === 'string' ? ctx.params.providerId : undefined;
            const provider = providerId ? await providerById(db, providerId) : undefined;
            if (!provider) throw new APIError('FORBIDDEN', { message: 'People join Cairn by invitation or single sign-on.' });
            // A SAML IdP asserts the e-mail (no email_verified claim); the allowed domains already admitted it.
            const emailVerified = user.emailVerified || provider.samlConfig !== null;
            return { data: { ...user, emailVerified, orgId: provider.orgId, role: 'member' } };
          },
        },
      },
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
    // Configured issuers too: Better Auth fetches their token and key endpoints only from trusted origins.
    trustedOrigins: async (request?: Request) => [publicUrl, requestOrigin(request), ...(await issuerOrigins(db))],
    advanced: { cookiePrefix: 'cairn', disableOriginCheck: false }, // explicit: Better Auth skips origin checks when NODE_ENV=test
    // Errors Better Auth redirects (single sign-on) land on the sign-in page, which shows them.
    onAPIError: { errorURL: `${publicUrl.replace(/\/+$/, '')}/sign-in` },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
