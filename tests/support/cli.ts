import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cairnBin = fileURLToPath(new URL('../../bin/cairn.js', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the process has exited (kills it after `timeoutMs`). */
  exited(timeoutMs?: number): Promise<Finished>;
}

/**
 * The environment of a `cairn` process on PGlite in `dataDir`, with nothing inherited that would
 * redirect it, and without Vitest's NODE_ENV=test (libraries relax checks under it), as in production.
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'CAIRN_PUBLIC_URL',
    'CAIRN_SECRET',
    'SMTP_URL',
    'PORT',
    'HOST',
    'CAIRN_SETUP_PASSWORD',
    'NODE_OPTIONS',
    'NODE_ENV',
    'TEST',
  ])
    delete env[name];
  return { ...env, CAIRN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
}

/** Starts `node bin/cairn.js …args` and collects its output. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(process.execPath, [cairnBin, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Finished>((resolveDone) => {
    child.once('close', (code, signal) => resolveDone({ code, signal, stdout, stderr }));
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited: (timeoutMs = 60_000) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      return done.finally(() => clearTimeout(timer));
    },
  };
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000) => startCli(args, env).exited(timeoutMs);

/** Polls `url` until it answers 200; fails early if the process exits first. */
export async function waitForHttpOk(url: string, cli: RunningCli, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) {
      throw new Error(`cairn exited (${cli.child.exitCode ?? cli.child.signalCode}) before serving:\n${cli.stderr}${cli.stdout}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${cli.stderr}${cli.stdout}`);
}
