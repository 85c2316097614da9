import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD } from '../../src/server/services/demo/demo-organization.js';
import { cliEnv, runCli, startCli, waitForHttpOk, type RunningCli } from '../support/cli.js';
import { freePort } from '../support/server.js';
import { API, canonical, exportDocument, signIn } from '../data-export/support.js';

const root = mkdtempSync(join(tmpdir(), 'cairn-drill-'));
const started: RunningCli[] = [];
afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

async function serve(dataDir: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const server = startCli(['serve'], cliEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', ...extra }));
  started.push(server);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttpOk(`${url}/api/health`, server, 300_000);
  return {
    url,
    stop: async () => {
      server.child.kill('SIGTERM');
      expect((await server.exited(120_000)).code).toBe(0);
    },
  };
}

const loadTeam = /^Load team \d+$/;
const METRICS_TOKEN = 'drill-metrics';

/**
 * The ticker's first round (every scheduled job, then the engine's upkeep) writes too: the daily status comparison
 * stores each objective's announced status. Done after the backup, it is a difference the drill would blame on the
 * restore, so the drill starts once that round is over (the upkeep's run is its last step).
 */
async function firstJobRoundDone(url: string) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const text = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
    if (/^cairn_database_maintenance_runs_total\{outcome="ran"\} [1-9]/m.test(text)) return;
    expect(Date.now(), 'the first round of scheduled jobs ended').toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Backup and restore drill (embedded database)', () => {
  // Scheduled backups every 5.4 s on a busy machine take longer than that: they must not overlap (they once queued up
  // and starved every request for minutes), so this drill also proves the server keeps answering while backing up.
  it('backs up while Cairn serves under write load, restores into an empty directory, and the restored organisation matches', async () => {
    const dataDir = join(root, 'data');
    expect((await runCli(['demo'], cliEnv(dataDir), 400_000)).code).toBe(0);
    // Scheduled backups every 5.4 s, keeping 2.
    const server = await serve(dataDir, {
      CAIRN_BACKUP_EVERY_HOURS: '0.0015',
      CAIRN_BACKUP_KEEP: '2',
      CAIRN_METRICS_TOKEN: METRICS_TOKEN,
    });
    await firstJobRoundDone(server.url);
    const owner = await signIn(server.url, DEMO_OWNER_EMAIL, DEMO_PASSWORD);

    // Write load: teams created one after another until told to stop (a busy embedded database may answer 503: retry).
    let writing = true;
    const acknowledged: string[] = [];
    const failures: string[] = [];
    const load = (async () => {
      for (let i = 0; writing && failures.length === 0;) {
        const response = await owner
          .post(`${API}/teams`, { name: `Load team ${i}` })
          .catch((error: unknown) => ({ status: 0, text: String(error) }));
        if (response.status === 201) acknowledged.push(`Load team ${i++}`);
        else if (response.status !== 503) failures.push(`${response.status} ${response.text}`);
      }
    })();
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 120_000;
      while (acknowledged.length < count && failures.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(failures).toEqual([]);
    };
    await waitFor(5);
    const before = [...acknowledged];
    const output = join(root, 'drill.tar.gz');
    const backup = await runCli(['backup', '--output', output], cliEnv(dataDir), 300_000);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Backup written');
    await waitFor(before.length + 5);
    writing = false;
    await load;
    expect(failures).toEqual([]);
    const final = await exportDocument(owner);
    await new Promise((r) => setTimeout(r, 12_000));
    await server.stop();
    const scheduled = readdirSync(join(dataDir, 'backups')).filter((name) => /^cairn-backup-.*\.tar\.gz$/.test(name));
    expect(scheduled).toHaveLength(2);

    // Restore into an empty directory, serve it, compare.
    const restoredDir = join(root, 'restored');
    const restored = await runCli(['restore', output], cliEnv(restoredDir), 300_000);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await runCli(['restore', output], cliEnv(restoredDir), 300_000)).stderr).toContain('already holds a database');
    const again = await serve(restoredDir, { CAIRN_BACKUP_EVERY_HOURS: '0' });
    const document = await exportDocument(await signIn(again.url, DEMO_OWNER_EMAIL, DEMO_PASSWORD));
    await again.stop();

    const restoredLoad = document.tables.teams!.map((t) => String(t.name)).filter((name) => loadTeam.test(name));
    expect(restoredLoad).toEqual(expect.arrayContaining(before));
    expect(acknowledged).toEqual(expect.arrayContaining(restoredLoad));
    expect(restoredLoad.length).toBeLessThan(acknowledged.length);
    // Everything but the load (its teams and their activity rows) is identical; the load is a consistent prefix.
    const withoutLoad = (doc: typeof final) => {
      const tables = canonical(doc);
      tables.teams = tables.teams!.filter((row) => !/"name":"Load team \d+"/.test(row));
      const restoredRows = new Set(canonical(document).activities);
      tables.activities = tables.activities!.filter((row) => restoredRows.has(row));
      return tables;
    };
    expect(withoutLoad(document)).toEqual(withoutLoad(final));
    expect(canonical(document).activities!.every((row) => canonical(final).activities!.includes(row))).toBe(true);
  }, 1_800_000);

  it('on PostgreSQL, backup and restore explain pg_dump and the JSON export instead', async () => {
    const env = cliEnv(join(root, 'unused'), { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    const result = await runCli(['backup'], env, 90_000);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('pg_dump --format=custom');
    expect(result.stdout).toContain('cairn export');
  }, 120_000);
});
