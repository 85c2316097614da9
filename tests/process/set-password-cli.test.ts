import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { activities } from '../../src/db/schema/index.js';
import { cliEnv, runCli, startCli, waitForHttpOk, type RunningCli } from '../support/cli.js';
import { freePort } from '../support/server.js';

const EMAIL = 'olivia@example.test';
const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple under the bridge';

describe('cairn user set-password (PGlite)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-set-password-'));
  const dataDir = join(root, 'data');
  const started: RunningCli[] = [];

  afterAll(async () => {
    for (const cli of started) {
      if (cli.child.exitCode === null && cli.child.signalCode === null) {
        cli.child.kill('SIGKILL');
        await cli.exited(5_000);
      }
    }
    rmSync(root, { recursive: true, force: true });
  });

  async function serve() {
    const port = await freePort();
    const server = startCli(['serve'], cliEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1' }));
    started.push(server);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttpOk(`${url}/api/health`, server, 60_000);
    const stop = async () => {
      server.child.kill('SIGTERM');
      expect((await server.exited(30_000)).code).toBe(0);
    };
    return { url, stop };
  }

  const signIn = (url: string, password: string) =>
    fetch(`${url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: EMAIL, password }),
    });
  const cookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  const me = (url: string, cookie: string) => fetch(`${url}/api/v1/me`, { headers: { cookie } });

  it(
    'signs out the sessions the person had, records the change as the system, and refuses a common password',
    { timeout: 180_000 },
    async () => {
      const env = cliEnv(dataDir);
      const setup = await runCli(
        ['setup', '--organization', 'Acme', '--name', 'Olivia Owner', '--email', EMAIL, '--password', OLD_PASSWORD],
        env,
      );
      expect(setup.code, setup.stderr).toBe(0);

      const before = await serve();
      const signedIn = await signIn(before.url, OLD_PASSWORD);
      expect(signedIn.status).toBe(200);
      const cookie = cookieOf(signedIn);
      expect((await me(before.url, cookie)).status).toBe(200);
      await before.stop();

      const weak = await runCli(['user', 'set-password', '--email', EMAIL, '--password', '1234567890'], env);
      expect(weak.code).not.toBe(0);
      expect(weak.stderr).toMatch(/common passwords/);

      const changed = await runCli(['user', 'set-password', '--email', EMAIL, '--password', NEW_PASSWORD], env);
      expect(changed.code, changed.stderr).toBe(0);

      const after = await serve();
      expect((await me(after.url, cookie)).status).toBe(401);
      expect((await signIn(after.url, OLD_PASSWORD)).status).toBe(401);
      const fresh = await signIn(after.url, NEW_PASSWORD);
      expect(fresh.status).toBe(200);
      await after.stop();

      // The operator changed it, not Olivia: the activity names no person.
      const handle = await openDatabase({ dataDir });
      try {
        const rows = await handle.db.select().from(activities).where(eq(activities.action, 'user.password-changed'));
        expect(rows.map((r) => r.actorId)).toEqual([null]);
      } finally {
        await handle.close();
      }
    },
  );
});
