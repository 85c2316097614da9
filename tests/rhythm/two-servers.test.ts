import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { jobRuns, outbox } from '../../src/db/schema/index.js';
import { cliEnv, startCli, waitForHttpOk, type RunningCli } from '../support/cli.js';
import { openTestEngine, type TestEngine } from '../support/engines.js';
import { addPerson, createTeam, expectStatus, setUpOrganization } from '../support/fixtures.js';
import { freePort, startTestServer } from '../support/server.js';
import { API, OkrApi, percent } from '../okrs/support.js';
import { startSmtpReceiver, type SmtpReceiver } from './receivers.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Two real `cairn serve` processes on one PostgreSQL database, each with its own ticker on the
 * real clock. The team's check-ins fell due at the start of the current UTC hour, so both
 * processes' first tick (two seconds after start) finds the same period due.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two `cairn serve` processes on one PostgreSQL database', () => {
  let engine: (TestEngine & { dispose(): Promise<void> }) | undefined;
  let smtp: SmtpReceiver;
  const servers: RunningCli[] = [];
  beforeAll(async () => {
    engine = await openTestEngine('postgres');
    smtp = await startSmtpReceiver();
  });
  afterAll(async () => {
    for (const cli of servers) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    await Promise.all(servers.map((cli) => cli.exited(10_000)));
    await engine?.dispose();
    await smtp?.close();
  });

  it('sends each owner one reminder e-mail between them', { timeout: 120_000 }, async () => {
    const now = new Date();
    const setup = await startTestServer(engine!.handle);
    const { owner } = await setUpOrganization(setup.url);
    const team = await createTeam(owner.client, { name: 'Platform' });
    expectStatus(await owner.client.patch(`${API}/teams/${team.id}`, { checkInDay: now.getUTCDay(), checkInHour: now.getUTCHours() }), 200);
    const api = new OkrApi(owner.client);
    const cycle = await api.createCycle({ name: 'Now', startDate: day(-1), endDate: day(60), status: 'active' });
    const objective = await api.createObjective({ cycleId: cycle.id, title: 'Ship', teamId: team.id });
    const owners = [];
    for (let i = 1; i <= 3; i++) {
      const person = await addPerson(owner.client, { name: `Owner ${i}`, teamId: team.id });
      await api.createKeyResult(objective.id, { ...percent(`KR ${i}`), ownerId: person.user.id });
      owners.push(person.user.email);
    }
    // Planned since the cycle began (an effective start of null is the cycle's start), so today's check-in is due.
    await api.patchObjective(objective.id, { status: 'active', publishOverrideReason: 'Test set-up', effectiveStartDate: null });
    await setup.close();
    smtp.messages.length = 0;

    const [{ name }] = (await queryRows<{ name: string }>(engine!.db, sql`select current_database() as name`)) as [{ name: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      servers.push(
        startCli(
          ['serve'],
          cliEnv('/nonexistent', {
            DATABASE_URL: url.toString(),
            SMTP_URL: smtp.url,
            PORT: String(port),
            HOST: '127.0.0.1',
            CAIRN_PUBLIC_URL: `http://127.0.0.1:${port}`,
          }),
        ),
      );
    }
    await Promise.all(servers.map((cli, i) => waitForHttpOk(`http://127.0.0.1:${ports[i]}/api/health`, cli, 60_000)));
    const reminders = () => smtp.messages.filter((m) => m.subject.startsWith('Check-in due'));
    const deadline = Date.now() + 60_000;
    while (reminders().length < owners.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // Give the slower process time to finish its own first tick too.
    await new Promise((r) => setTimeout(r, 4_000));

    expect(
      reminders()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(owners.sort());
    const runs = await engine!.db.select().from(jobRuns);
    expect(runs.filter((r) => r.name === 'reminders' && r.periodKey.startsWith(`team:${team.id}:`))).toHaveLength(1);
    const mail = await engine!.db.select().from(outbox);
    expect(mail.filter((r) => r.subject?.startsWith('Check-in due')).map((r) => [r.status, r.attempts])).toEqual(
      owners.map(() => ['sent', 1]),
    );

    for (const cli of servers) cli.child.kill('SIGTERM');
    const exits = await Promise.all(servers.map((cli) => cli.exited(20_000)));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
  });
});
