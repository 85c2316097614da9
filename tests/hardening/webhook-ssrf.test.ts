import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../src/server/jobs/deliver.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { isPrivateAddress } from '../../src/server/services/webhook-url.js';
import type { outbox } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus, setUpOrganization } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startHookReceiver, type HookReceiver } from '../rhythm/receivers.js';

const REFUSED_URLS = [
  'http://127.0.0.1:8080/hook',
  'http://10.1.2.3/hook',
  'http://172.16.0.1/hook',
  'http://192.168.1.10/hook',
  'http://169.254.169.254/latest/meta-data',
  'http://[::1]/hook',
  'http://[fd00:ec2::254]/latest',
  'http://[::ffff:127.0.0.1]/hook',
  'http://0.0.0.0/hook',
  'http://localhost:3000/hook',
  'http://api.localhost/hook',
];

describe('which addresses a webhook may not reach', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.1', true],
    ['100.64.0.1', true],
    ['169.254.169.254', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00:ec2::254', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2606:4700::1111', false],
  ])('%s → refused: %s', (address, refused) => expect(isPrivateAddress(address)).toBe(refused));
});

describeEachEngine('team webhooks and SSRF', (engine) => {
  let server: TestServer;
  let permissive: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine().handle);
    permissive = await startTestServer(engine().handle, { config: { webhookAllowPrivate: true } });
  });
  afterAll(async () => {
    await server?.close();
    await permissive?.close();
  });

  it('refuses loopback, private, link-local and metadata addresses when a webhook is saved, by default', async () => {
    await engine().reset();
    const { owner } = await setUpOrganization(server.url);
    const team = await createTeam(owner.client, { name: 'Platform' });
    for (const webhookUrl of REFUSED_URLS) {
      const response = await owner.client.patch(`/api/v1/teams/${team.id}`, { webhookUrl });
      expectProblem(response, 422, '/problems/validation-failed', 'webhookUrl');
    }
    const created = await owner.client.post('/api/v1/teams', { name: 'Ops', webhookUrl: 'http://10.0.0.5/x' });
    expectProblem(created, 422, '/problems/validation-failed', 'webhookUrl');
    expectStatus(await owner.client.patch(`/api/v1/teams/${team.id}`, { webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' }), 200);
  });

  it('accepts them when CAIRN_WEBHOOK_ALLOW_PRIVATE=true', async () => {
    await engine().reset();
    const { owner } = await setUpOrganization(permissive.url);
    const team = await createTeam(owner.client, { name: 'Platform' });
    expectStatus(await owner.client.patch(`/api/v1/teams/${team.id}`, { webhookUrl: 'http://192.168.1.10/hook' }), 200);
  });
});

describe('webhook delivery checks the address it connects to', () => {
  let hook: HookReceiver;
  const mailer = createMailer(undefined, 'Cairn <cairn@example.test>');
  const row = (recipient: string): typeof outbox.$inferSelect => ({
    id: '00000000-0000-4000-8000-000000000001',
    orgId: '00000000-0000-4000-8000-000000000002',
    channel: 'webhook',
    recipient,
    userId: null,
    subject: null,
    body: 'Check-ins are due',
    payload: { text: 'Check-ins are due' },
    status: 'pending',
    attempts: 1,
    nextAttemptAt: new Date(),
    lastError: null,
    dedupeKey: null,
    createdAt: new Date(),
    sentAt: null,
  });
  beforeAll(async () => (hook = await startHookReceiver([200])));
  afterAll(() => hook?.close());

  it('refuses a stored private address literal, and delivers to it only when allowed', async () => {
    const refused = await deliver(mailer, row(hook.url));
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/local network/) });
    expect(hook.calls).toHaveLength(0);
    expect(await deliver(mailer, row(hook.url), { allowPrivateWebhooks: true })).toEqual({ ok: true });
    expect(hook.calls).toHaveLength(1);
  });

  it('refuses a name that resolves to a private address (checked after DNS resolution)', async () => {
    const name = hostname();
    const resolved = await lookup(name, { all: true });
    // Precondition of this test: the machine's own name resolves to a private address (it does in containers and CI).
    expect(
      resolved.some((a) => isPrivateAddress(a.address)),
      `${name} → ${JSON.stringify(resolved)}`,
    ).toBe(true);
    const before = hook.calls.length;
    const url = hook.url.replace('127.0.0.1', name);
    const outcome = await deliver(mailer, row(url));
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/resolves to a private address/) });
    expect(hook.calls).toHaveLength(before);
    expect(await deliver(mailer, row(url), { allowPrivateWebhooks: true })).toEqual({ ok: true });
  });
});
