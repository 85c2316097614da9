import { resolve } from 'node:path';
import { DEFAULT_POSTGRES_TIMEOUTS, type PostgresTimeouts } from '../db/postgres-engine.js';

export interface Config {
  port: number;
  host: string;
  /** PGlite data directory (ignored when databaseUrl is set). */
  dataDir: string;
  databaseUrl?: string;
  /** The address people reach Cairn at: used in invitation links and as the trusted auth origin. */
  publicUrl: string;
  /** The one-time first-run setup code (CAIRN_SETUP_TOKEN); generated and printed to the log when not given. */
  setupToken?: string;
  /** Signs sessions; generated and stored in the database when not given. */
  secret?: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  /** Failed sign-ins per email within the window before 429. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** Lets team webhooks reach loopback, LAN and link-local addresses (a chat server on the LAN; tests). */
  webhookAllowPrivate: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (sign-in throttling, logs): Fastify's
   * `trustProxy` — `true`, `false`, or addresses/presets such as `loopback,uniquelocal`.
   */
  trustProxy: boolean | string;
  /** PostgreSQL connect, statement and idle-in-transaction timeouts (ignored by PGlite). */
  databaseTimeouts: PostgresTimeouts;
  /** PostgreSQL: the hottest reads as named statements (db/prepared-statements.ts); off behind some poolers. */
  databaseNamedStatements: boolean;
  /** Bearer token for GET /metrics (Prometheus); unset: no /metrics route. */
  metricsToken?: string;
  /** On PGlite, API requests that may wait for the one connection; one more answers 503 with Retry-After. 0: no bound. */
  pgliteMaxQueue: number;
  /** The largest file that may be attached to an objective or a key result, in bytes (larger: 413). */
  maxFileBytes: number;
  /** Base URL of Slack's Web API (CAIRN_SLACK_API_URL); tests point it at a local recording server. */
  slackApiUrl: string;
}

/**
 * A check-in holds PGlite for 20–50 ms, so 16 waiting requests are answered within about a second;
 * beyond that a person hears 503 at once instead of waiting seconds (bench/pglite-load.ts).
 */
export const DEFAULT_PGLITE_MAX_QUEUE = 16;

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function trustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '') return 'loopback,linklocal,uniquelocal';
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

/** Reads every setting from the environment; README's configuration table lists the same names. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer('PORT', env.PORT, 3000);
  const host = env.HOST || '0.0.0.0';
  const publicUrl = (env.CAIRN_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    dataDir: resolve(env.CAIRN_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl,
    secret: env.CAIRN_SECRET || undefined,
    setupToken: env.CAIRN_SETUP_TOKEN || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Cairn <cairn@localhost>',
    logLevel: env.LOG_LEVEL || 'info',
    loginMaxFailures: integer('CAIRN_LOGIN_MAX_FAILURES', env.CAIRN_LOGIN_MAX_FAILURES, 5),
    loginWindowSeconds: integer('CAIRN_LOGIN_WINDOW_SECONDS', env.CAIRN_LOGIN_WINDOW_SECONDS, 900),
    databaseTimeouts: {
      connectMs: integer('CAIRN_DB_CONNECT_TIMEOUT_MS', env.CAIRN_DB_CONNECT_TIMEOUT_MS, DEFAULT_POSTGRES_TIMEOUTS.connectMs),
      statementMs: integer('CAIRN_DB_STATEMENT_TIMEOUT_MS', env.CAIRN_DB_STATEMENT_TIMEOUT_MS, DEFAULT_POSTGRES_TIMEOUTS.statementMs),
      idleInTransactionMs: integer(
        'CAIRN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        env.CAIRN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        DEFAULT_POSTGRES_TIMEOUTS.idleInTransactionMs,
      ),
    },
    databaseNamedStatements: !env.CAIRN_DB_NAMED_STATEMENTS || flag('CAIRN_DB_NAMED_STATEMENTS', env.CAIRN_DB_NAMED_STATEMENTS),
    trustProxy: trustProxy(env.CAIRN_TRUST_PROXY),
    pgliteMaxQueue: integer('CAIRN_PGLITE_MAX_QUEUE', env.CAIRN_PGLITE_MAX_QUEUE, DEFAULT_PGLITE_MAX_QUEUE),
    metricsToken: env.CAIRN_METRICS_TOKEN || undefined,
    webhookAllowPrivate: flag('CAIRN_WEBHOOK_ALLOW_PRIVATE', env.CAIRN_WEBHOOK_ALLOW_PRIVATE),
    maxFileBytes: integer('CAIRN_MAX_FILE_BYTES', env.CAIRN_MAX_FILE_BYTES, 10 * 1024 * 1024),
    slackApiUrl: (env.CAIRN_SLACK_API_URL || 'https://slack.com/api/').replace(/\/?$/, '/'),
  };
}
