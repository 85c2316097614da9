import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { createMailer, SmtpUrlError, smtpUrlProblem } from '../../src/server/mail/mailer.js';
import { startServer } from '../../src/server/serve.js';
import { cliEnv, runCli } from '../support/cli.js';

describe('SMTP_URL is checked before anything starts', () => {
  it('accepts smtp:// and smtps:// with a host, and names SMTP_URL otherwise without echoing the password', () => {
    for (const ok of ['smtp://mail.example.test', 'smtps://user:pa%40ss@mail.example.test:465', 'smtp://127.0.0.1:2525/?ignoreTLS=true'])
      expect(smtpUrlProblem(ok), ok).toBeNull();
    for (const bad of [
      'mail.example.test:587',
      'smtp//user:hunter2@mail',
      'http://user:hunter2@mail.example.test',
      'smtp://user:hunter2@:25',
      'smtp://user:hunter2@mail:99999',
    ]) {
      const problem = smtpUrlProblem(bad);
      expect(problem, bad).toMatch(/^SMTP_URL /);
      expect(problem).not.toContain('hunter2');
    }
    expect(() => createMailer('smtp//oops', 'Cairn <cairn@example.test>')).toThrow(SmtpUrlError);
  });

  it('startServer refuses a malformed SMTP_URL before opening the database', async () => {
    const dataDir = join(tmpdir(), `cairn-never-${process.pid}`);
    await expect(startServer({ ...loadConfig({}), dataDir, smtpUrl: 'smtps:/mail.example.test' })).rejects.toThrow(/SMTP_URL/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('cairn jobs and serve (processes)', () => {
  let root: string;
  let dataDir: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cairn-jobs-cli-'));
    dataDir = join(root, 'data');
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    rmSync(join(dataDir, 'cairn.lock'), { force: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // Two CLI processes, each starting tsx and PGlite: 7–10 s apiece on a loaded 2-core machine.
  it('`cairn jobs run NAME` runs a job and prints what it did; unknown names are a usage error', { timeout: 90_000 }, async () => {
    const unknown = await runCli(['jobs', 'run', 'backup'], cliEnv(dataDir));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No job named "backup"');
    expect(unknown.stderr).toContain(
      'reminders|escalation|digest|survey-rounds|survey-reminders|proxy-reminders|report-emails|status-changes|dispatch',
    );

    const ran = await runCli(['jobs', 'run', 'reminders'], cliEnv(dataDir));
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ job: 'reminders', periods: [], totals: { ran: 0 } });
  });

  it('`cairn serve` with a malformed SMTP_URL exits at once, naming SMTP_URL', async () => {
    const served = await runCli(['serve'], cliEnv(dataDir, { SMTP_URL: 'smtp//user:hunter2@mail.example.test', PORT: '0' }), 30_000);
    expect(served.code).toBe(1);
    expect(served.stderr).toContain('cairn: SMTP_URL is not a valid URL');
    expect(served.stderr).not.toContain('    at ');
    expect(served.stderr + served.stdout).not.toContain('hunter2');
  });
});
