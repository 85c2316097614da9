/**
 * The rhythm suites' world: a clock the test sets to the minute, the whole app with that clock and
 * a chosen mailer, a job context sharing both, and an organisation in Europe/Paris with one team
 * (a lead and a member who owns key results) and a cycle that starts on Tuesday 2025-02-11.
 */
import type { DatabaseHandle } from '../../src/db/database.js';
import { resolveAuthSecret } from '../../src/server/auth/secret.js';
import type { JobContext } from '../../src/server/jobs/context.js';
import { createMailer, type Mailer } from '../../src/server/mail/mailer.js';
import type { Client } from '../support/client.js';
import { addPerson, createTeam, expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, OkrApi, percent, type KeyResultView } from '../okrs/support.js';

export { API };

/** A clock set to exact instants: jobs care about the hour, not just the day. */
export class MovableClock {
  private current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  readonly now = (): Date => new Date(this.current.getTime());
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** Silent mail for suites that only read the outbox; tests that check delivery pass an SMTP one. */
export const smtpMailer = (url: string): Mailer => createMailer(url, 'Cairn <cairn@example.test>');

export interface RhythmServer extends TestServer {
  /** The same database, clock, secret and mailer the app uses, for calling runJob directly. */
  jobs: JobContext;
}

export async function startRhythmServer(
  handle: DatabaseHandle,
  clock: MovableClock,
  mailer: Mailer = createMailer(undefined, 'Cairn <cairn@example.test>'),
): Promise<RhythmServer> {
  const server = await startTestServer(handle, { clock: clock.now, mailer, config: { webhookAllowPrivate: true } });
  const jobs: JobContext = {
    db: handle.db,
    config: server.config,
    clock: clock.now,
    mailer,
    secret: await resolveAuthSecret(handle.db, server.config.secret),
  };
  return { ...server, jobs };
}

/** What the ticker would do at this moment, through the admin endpoint: every job, then delivery. */
export async function runJobs(admin: Client, names: string[] = ['reminders', 'escalation', 'digest', 'dispatch']) {
  const reports = [];
  for (const name of names) {
    const response = await admin.post(`${API}/admin/jobs/${name}/run`);
    expectStatus(response, 200);
    reports.push(response.body);
  }
  return reports;
}

export interface RhythmWorld {
  owner: Person;
  lead: Person;
  member: Person;
  orgId: string;
  teamId: string;
  objectiveId: string;
  krs: KeyResultView[];
  api: OkrApi;
}

/** Team "Platform" (weekly, Monday 10:00 Paris = 09:00 UTC in February), its lead Lea and member Max, who owns two key results. */
export async function setUpRhythmWorld(url: string, team: { webhookUrl?: string } = {}): Promise<RhythmWorld> {
  const { owner, organization } = await setUpOrganization(url, { name: 'Olivia Owner' });
  expectStatus(await owner.client.patch(`${API}/organization`, { timeZone: 'Europe/Paris' }), 200);
  const platform = await createTeam(owner.client, { name: 'Platform' });
  if (team.webhookUrl) expectStatus(await owner.client.patch(`${API}/teams/${platform.id}`, { webhookUrl: team.webhookUrl }), 200);
  const lead = await addPerson(owner.client, { name: 'Lea Lead', teamId: platform.id });
  expectStatus(await owner.client.patch(`${API}/teams/${platform.id}/members/${lead.user.id}`, { role: 'lead' }), 200);
  const member = await addPerson(owner.client, { name: 'Max Member', teamId: platform.id });
  const api = new OkrApi(owner.client);
  const cycle = await api.createCycle({ name: 'Spring 2025', startDate: '2025-02-11', endDate: '2025-05-11', status: 'active' });
  const objective = await api.createObjective({ cycleId: cycle.id, title: 'Ship the platform', teamId: platform.id });
  const krs = [
    await api.createKeyResult(objective.id, { ...percent('Uptime to 99.9'), ownerId: member.user.id }),
    await api.createKeyResult(objective.id, { ...percent('Deploys per day'), ownerId: member.user.id }),
  ];
  // The API creates drafts; reminders and digests follow published objectives.
  await api.publish(objective.id);
  return { owner, lead, member, orgId: organization.id, teamId: platform.id, objectiveId: objective.id, krs, api };
}
