import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { auditEntries, verifications } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus, setUpOrganization, uniqueEmail, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpReceiver, type SmtpReceiver } from '../rhythm/receivers.js';

const NEW_PASSWORD = 'a brand new passphrase';

/** Password reset by e-mail, into a real SMTP server, on both engines. */
describeEachEngine('password reset by e-mail', (engine) => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let owner: Person;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(engine().handle, { config: { smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await engine().reset();
    smtp.messages.length = 0;
    owner = (await setUpOrganization(server.url, { email: uniqueEmail('forgetful') })).owner;
  });

  /** Asks for a link and returns its token once the e-mail has arrived. */
  async function askForLink(email: string): Promise<string> {
    const before = smtp.messages.length;
    const response = await new Client(server.url).post('/api/v1/password-reset', { email });
    expectStatus(response, 202);
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(before + 1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual([owner.user.email]);
    const link = /(http\S+\/reset-password\?token=(\S+))/.exec(mail.text);
    expect(link?.[1], mail.text).toMatch(new RegExp(`^${server.url}/reset-password\\?token=`));
    return decodeURIComponent(link![2]!);
  }

  it('mails a link that sets a new password once, signs out every session, and is recorded', async () => {
    const token = await askForLink(owner.user.email.toUpperCase());
    expectProblem(
      await new Client(server.url).post('/api/v1/password-reset/confirm', { token, newPassword: 'short' }),
      422,
      '/problems/validation-failed',
      'newPassword',
    );
    expectStatus(await new Client(server.url).post('/api/v1/password-reset/confirm', { token, newPassword: NEW_PASSWORD }), 200);
    // The session that existed before the reset is gone.
    expectStatus(await owner.client.get('/api/v1/me'), 401);
    const old = await new Client(server.url).post('/api/auth/sign-in/email', { email: owner.user.email, password: owner.password });
    expectProblem(old, 401, '/problems/invalid-credentials');
    expectStatus(await new Client(server.url).post('/api/auth/sign-in/email', { email: owner.user.email, password: NEW_PASSWORD }), 200);
    // Single use: the same link again is refused naming the token.
    const again = await new Client(server.url).post('/api/v1/password-reset/confirm', { token, newPassword: 'another fine passphrase' });
    expectProblem(again, 422, '/problems/validation-failed', 'token');
    // Both enter the organisation's audit log, with the sign-ins around them.
    const actions = (await engine().db.select().from(auditEntries).where(eq(auditEntries.targetId, owner.user.id))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.password-reset-requested', 'user.password-reset', 'user.sign-in-failed', 'user.signed-in']),
    );
  });

  it('refuses an expired link', async () => {
    const token = await askForLink(owner.user.email);
    // Half an hour passes: the stored token's expiry is in the past.
    await engine()
      .db.update(verifications)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(like(verifications.identifier, 'reset-password:%'));
    const response = await new Client(server.url).post('/api/v1/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
    expectProblem(response, 422, '/problems/validation-failed', 'token');
    expectStatus(await new Client(server.url).post('/api/auth/sign-in/email', { email: owner.user.email, password: owner.password }), 200);
  });

  it('answers an unknown address exactly like a known one and sends nothing', async () => {
    const known = await new Client(server.url).post('/api/v1/password-reset', { email: owner.user.email });
    const unknown = await new Client(server.url).post('/api/v1/password-reset', { email: 'nobody@example.test' });
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: known.status, body: known.body });
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBe(1);
    expect(smtp.messages.map((m) => m.to)).toEqual([[owner.user.email]]);
    expectProblem(
      await new Client(server.url).post('/api/v1/password-reset', { email: 'not an address' }),
      400,
      '/problems/validation-failed',
      'email',
    );
    expectProblem(
      await new Client(server.url).post('/api/v1/password-reset/confirm', { token: 'made-up', newPassword: NEW_PASSWORD }),
      422,
      '/problems/validation-failed',
      'token',
    );
  });
});
