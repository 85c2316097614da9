/**
 * PGlite under load: starts `cairn serve` on a fresh PGlite data directory in a child process, sets
 * up a small organisation (one active cycle, one objective, ten key results), then lets 50 clients
 * post check-ins with plain fetch for 20 s. A client told 503 waits its Retry-After, as a polite
 * client would. Reports latency percentiles, status counts, the deepest queue health reported, the
 * server's peak RSS, and checks that every acknowledged check-in was saved.
 *
 *   node --import tsx bench/pglite-load.ts [--clients 50] [--seconds 20] [--max-queue N]
 *
 * `--max-queue` sets CAIRN_PGLITE_MAX_QUEUE for the server (0: no bound); without it the default.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '../tests/support/server.js';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '50' }, seconds: { type: 'string', default: '20' }, 'max-queue': { type: 'string' } },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const KEY_RESULTS = 10;

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'cairn-pglite-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const queueEnv = values['max-queue'] === undefined ? {} : { CAIRN_PGLITE_MAX_QUEUE: values['max-queue'] };
const server = spawn(process.execPath, [join(root, 'bin/cairn.js'), 'serve'], {
  env: {
    ...process.env,
    ...queueEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    CAIRN_DATA_DIR: dataDir,
    CAIRN_SETUP_TOKEN: 'LOAD-SETUP',
    CAIRN_PUBLIC_URL: base,
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

/** The kernel's high-water mark of the server's resident memory, in MiB. */
function peakRssMiB(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start within 60 s');
}

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', origin: base, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function setUp(): Promise<{ auth: Record<string, string>; keyResultIds: string[] }> {
  const setup = await call('/api/v1/setup', {
    body: {
      organization: 'Load',
      name: 'Lena Load',
      email: 'lena@example.test',
      password: 'correct horse battery',
      setupCode: 'LOAD-SETUP',
    },
  });
  const cookie = setup.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const token = (await call('/api/v1/tokens', { body: { name: 'load', scopes: ['admin'] }, headers: { cookie } })).body.token as string;
  const auth = { authorization: `Bearer ${token}` };
  const year = new Date().getUTCFullYear();
  const cycle = await call('/api/v1/cycles', {
    body: { name: `${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'active' },
    headers: auth,
  });
  const objective = await call('/api/v1/objectives', { body: { cycleId: cycle.body.id, title: 'Carry the load' }, headers: auth });
  const keyResultIds: string[] = [];
  for (let i = 0; i < KEY_RESULTS; i++) {
    const kr = await call(`/api/v1/objectives/${objective.body.id}/key-results`, {
      body: { title: `Measure ${i}`, kind: 'metric', startValue: 0, targetValue: 100 },
      headers: auth,
    });
    keyResultIds.push(kr.body.id);
  }
  return { auth, keyResultIds };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
};

try {
  await waitForHealth();
  const { auth, keyResultIds } = await setUp();
  const saved: number[] = [];
  const refused: number[] = [];
  const statuses = new Map<number, number>();
  let deepestQueue = 0;
  const healthMs: number[] = [];
  const until = Date.now() + SECONDS * 1000;

  const client = async (index: number) => {
    while (Date.now() < until) {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/key-results/${keyResultIds[index % KEY_RESULTS]}/check-ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ value: Math.round(Math.random() * 100), confidence: 7 }),
      });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) saved.push(ms);
      if (response.status === 503) {
        refused.push(ms);
        await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000));
      }
    }
  };
  const watchHealth = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const body = (await (await fetch(`${base}/api/health`)).json()) as { queue?: { waiting: number } };
      healthMs.push(performance.now() - started);
      deepestQueue = Math.max(deepestQueue, body.queue?.waiting ?? 0);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), watchHealth()]);

  let stored = 0;
  for (const id of keyResultIds)
    stored += ((await call(`/api/v1/key-results/${id}/check-ins`, { headers: auth })).body as unknown[]).length;

  console.log(`PGlite, ${CLIENTS} clients, ${SECONDS} s, CAIRN_PGLITE_MAX_QUEUE=${values['max-queue'] ?? '(default)'}`);
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  console.log(`  201 check-ins (${saved.length}, ${(saved.length / SECONDS).toFixed(1)}/s): ${summary(saved)}`);
  if (refused.length) console.log(`  503 refusals (${refused.length}): ${summary(refused)}`);
  console.log(`  /api/health during the load: ${summary(healthMs)}; longest wait line reported ${deepestQueue}`);
  console.log(`  server peak RSS ${peakRssMiB().toFixed(0)} MiB; check-ins saved ${stored} (acknowledged ${saved.length})`);
  if (stored !== saved.length) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
