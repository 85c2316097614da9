import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { notificationPreferences } from '../../src/db/schema/index.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, TestClock } from '../okrs/support.js';
import { startSmtpReceiver, type SmtpReceiver } from '../rhythm/receivers.js';
import { comment, mention, setUpSocialWorld, type SocialWorld } from '../social/support.js';

const unfoldHeaders = (head: string) => head.replace(/\r?\n[ \t]+/g, ' ');

describeEachEngine('unsubscribing from e-mail (RFC 8058)', (engine) => {
  const clock = new TestClock('2025-02-10');
  let smtp: SmtpReceiver;
  let server: TestServer;
  let w: SocialWorld;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer(engine().handle, { clock: clock.now, mailer: createMailer(smtp.url, 'Cairn <cairn@example.test>') });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await engine().reset();
    clock.setDay('2025-02-10');
    smtp.messages.length = 0;
    w = await setUpSocialWorld(server.url);
  });

  /** Mentions Grace, sends the outbox through the real SMTP server and answers her e-mail's header block and link. */
  async function mailToGrace() {
    await comment(w.owner.client, { targetType: 'objective', targetId: w.objective.id, body: `${mention(w.grace)} look` });
    expectStatus(await w.owner.client.post(`${API}/admin/jobs/dispatch/run`, {}), 200);
    const mail = smtp.messages.find((m) => m.to.includes(w.grace.user.email) && m.text.includes('/api/v1/unsubscribe'));
    expect(mail, JSON.stringify(smtp.messages)).toBeDefined();
    const headers = unfoldHeaders(mail!.head);
    const url = /^List-Unsubscribe: <([^>]+)>/im.exec(headers)?.[1];
    expect(url, headers).toBeDefined();
    return { headers, link: new URL(url!) };
  }
  const preferences = () => engine().db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, w.grace.user.id));

  it('sends List-Unsubscribe and List-Unsubscribe-Post with every notification e-mail', async () => {
    const { headers, link } = await mailToGrace();
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
    expect(link.pathname).toBe('/api/v1/unsubscribe');
    expect(link.searchParams.get('e')).toMatch(/^\d+$/);
  });

  it('changes nothing on GET or HEAD (scanners), and unsubscribes on the one-click POST without a session', async () => {
    const { link } = await mailToGrace();
    const anonymous = new Client(server.url);
    const path = `${link.pathname}${link.search}`;
    expectStatus(await anonymous.request('HEAD', path), 200);
    const page = await anonymous.get(path);
    expectStatus(page, 200);
    expect(page.text).toMatch(/<form method="post" action="\/api\/v1\/unsubscribe\?/);
    expect(await preferences()).toEqual([]);

    const oneClick = await anonymous.request('POST', path, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectStatus(oneClick, 200);
    expect(await preferences()).toMatchObject([{ kind: 'mention', channel: 'email', enabled: false }]);
  });

  it('refuses a link after 60 days, and one whose expiry was extended', async () => {
    const { link } = await mailToGrace();
    const anonymous = new Client(server.url);
    const extended = new URL(link);
    extended.searchParams.set('e', String(Number(link.searchParams.get('e')) + 86_400 * 365));
    expectProblem(await anonymous.post(`${extended.pathname}${extended.search}`), 403, '/problems/forbidden');

    clock.setDay('2025-04-11'); // 60 days later, at the same noon: the expiry is exactly now
    const expired = await anonymous.post(`${link.pathname}${link.search}`);
    expect(expectProblem(expired, 403, '/problems/forbidden').detail).toMatch(/expired/);
    expectProblem(await anonymous.get(`${link.pathname}${link.search}`), 403, '/problems/forbidden');
    expect(await preferences()).toEqual([]);
  });
});
