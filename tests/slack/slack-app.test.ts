import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, MovableClock, runJobs, setUpRhythmWorld, type RhythmWorld } from '../rhythm/support.js';
import { checkInClick, checkInSubmission, postToSlackEndpoint, slashCommand, startSlackApiServer, type SlackApiServer } from './support.js';

const SECRET = '8f742231b10e8888abcd99eeeeee85a5';
const BOT_TOKEN = 'xoxb-1234-5678-cairntest';
const MAX = 'U0MAX';

describeEachEngine('Slack app', (engine) => {
  const clock = new MovableClock('2025-02-17T09:00:00Z');
  let slack: SlackApiServer;
  let server: TestServer;
  let w: RhythmWorld;
  let endpoint: string;

  beforeAll(async () => {
    slack = await startSlackApiServer();
    server = await startTestServer(engine().handle, { clock: clock.now, config: { slackApiUrl: slack.url } });
  });
  afterAll(async () => {
    await server?.close();
    await slack?.close();
  });
  beforeEach(async () => {
    await engine().reset();
    // Published a week before the first due moment, so the reminder finds the key results due.
    clock.set('2025-02-12T09:00:00Z');
    slack.calls.length = 0;
    w = await setUpRhythmWorld(server.url);
    endpoint = `${server.url}/slack/${w.orgId}/events`;
    const saved = await w.owner.client.put(`${API}/slack/installation`, { signingSecret: SECRET, botToken: BOT_TOKEN });
    expectStatus(saved, 200);
  });

  const link = async (person: Person, slackUserId: string) => {
    const code = await person.client.post(`${API}/slack/link-code`);
    expectStatus(code, 201);
    const answer = await postToSlackEndpoint(endpoint, slashCommand(slackUserId, `link ${code.body.code}`), SECRET);
    expect(answer.status, answer.text).toBe(200);
    return answer;
  };
  const checkInsOf = async (keyResultId: string) => {
    const list = await w.owner.client.get(`${API}/key-results/${keyResultId}/check-ins`);
    expectStatus(list, 200);
    return list.body as { value: number | null; confidence: number | null; note: string | null; authorId: string }[];
  };
  const progressOf = async (objectiveId: string) => (await w.api.objective(objectiveId)).progress;

  it('shows admins the manifest and request URL, never the secrets; members may not set it up', async () => {
    const view = await w.owner.client.get(`${API}/slack/installation`);
    expectStatus(view, 200);
    expect(view.body).toMatchObject({ configured: true, requestUrl: endpoint });
    expect(view.body.manifest.features.slash_commands[0]).toMatchObject({ command: '/cairn', url: endpoint });
    expect(view.body.manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: endpoint });
    expect(view.body.manifest.oauth_config.scopes.bot).toEqual(['chat:write', 'commands', 'im:write', 'users:read.email']);
    expect(view.text).not.toContain(SECRET);
    expect(view.text).not.toContain(BOT_TOKEN);
    expectProblem(await w.member.client.get(`${API}/slack/installation`), 403, '/problems/forbidden');
    expectProblem(
      await w.owner.client.put(`${API}/slack/installation`, { signingSecret: SECRET, botToken: 'xoxp-user' }),
      422,
      '/problems/validation-failed',
      'botToken',
    );
  });

  it('tells an unlinked Slack user how to link, links with a one-time code, then lists my key results', async () => {
    const unlinked = await postToSlackEndpoint(endpoint, slashCommand(MAX, ''), SECRET);
    expect(unlinked.status).toBe(200);
    expect(unlinked.json).toMatchObject({ response_type: 'ephemeral' });
    expect(String(unlinked.json?.text)).toContain('/cairn link CODE');
    expect(String(unlinked.json?.text)).toContain('/profile');

    const wrong = await postToSlackEndpoint(endpoint, slashCommand(MAX, 'link NOTACODE'), SECRET);
    expect(String(wrong.json?.text)).toMatch(/wrong or has expired/);

    const linked = await link(w.member, MAX);
    expect(String(linked.json?.text)).toContain('Max Member');
    const status = await w.member.client.get(`${API}/slack/link`);
    expect(status.body).toMatchObject({ linked: true, slackUserId: MAX });

    await w.api.checkIn(w.krs[0]!.id, { value: 40 });
    const mine = await postToSlackEndpoint(endpoint, slashCommand(MAX, ''), SECRET);
    expect(mine.status).toBe(200);
    const text = String(mine.json?.text);
    expect(text).toContain('Your key results (2)');
    expect(text).toContain('Uptime to 99.9 (Ship the platform): 40%');
    expect(text).toContain('Deploys per day (Ship the platform): 0%');
  });

  it('reminds by DM with a Check in button; the button opens the modal and its submission saves a real check-in', async () => {
    await link(w.member, MAX);
    clock.set('2025-02-17T09:00:00Z');
    const reports = await runJobs(w.owner.client, ['reminders', 'dispatch']);
    const dm = slack.calls.find((c) => c.method === 'chat.postMessage');
    expect(dm, JSON.stringify({ reports, calls: slack.calls })).toBeDefined();
    expect(dm!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(dm!.args.channel).toBe(MAX);
    const buttons = (dm!.args.blocks as { accessory?: { action_id: string; value: string } }[]).flatMap((b) =>
      b.accessory ? [b.accessory] : [],
    );
    expect(buttons.map((b) => b.value).sort()).toEqual(w.krs.map((kr) => kr.id).sort());
    expect(buttons.every((b) => b.action_id === 'cairn_check_in')).toBe(true);

    const clicked = await postToSlackEndpoint(endpoint, checkInClick(MAX, w.krs[0]!.id, 'trigger-42'), SECRET);
    expect(clicked.status, clicked.text).toBe(200);
    const open = slack.calls.find((c) => c.method === 'views.open');
    expect(open, JSON.stringify(slack.calls)).toBeDefined();
    expect(open!.args.trigger_id).toBe('trigger-42');
    const view = open!.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(view).toMatchObject({ callback_id: 'cairn_check_in_modal', private_metadata: w.krs[0]!.id });
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['value', 'confidence', 'note', 'blockers']);

    const before = await progressOf(w.objectiveId);
    const submitted = await postToSlackEndpoint(
      endpoint,
      checkInSubmission(MAX, w.krs[0]!.id, {
        value: { type: 'number_input', value: '60' },
        confidence: { type: 'static_select', selected_option: { value: '7', text: { type: 'plain_text', text: '7' } } },
        note: { type: 'plain_text_input', value: 'Checked in from Slack' },
        blockers: { type: 'plain_text_input', value: null },
      }),
      SECRET,
    );
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.text).toBe('');
    const [saved] = await checkInsOf(w.krs[0]!.id);
    expect(saved).toMatchObject({ value: 60, confidence: 7, note: 'Checked in from Slack', authorId: w.member.user.id });
    // Two equal key results: 60% on one moves the objective's roll-up to 30%.
    expect(before).toBe(0);
    expect(await progressOf(w.objectiveId)).toBeCloseTo(0.3, 5);
    // The history says where it came from, as it does for MCP.
    const history = await w.owner.client.get(`${API}/objectives/${w.objectiveId}/activity`);
    expectStatus(history, 200);
    const checkedIn = (history.body as { action: string; via: string | null }[]).filter((a) => a.action === 'check_in.created');
    expect(checkedIn).toMatchObject([{ via: 'slack' }]);
  });

  it("posts the team's weekly digest and its wins to the team's Slack channel, set on the team (400 naming a bad id)", async () => {
    const patch = (body: object) => w.owner.client.patch(`${API}/teams/${w.teamId}`, body);
    for (const bad of ['#platform', 'c0123456789', 'D0123456789', 'C01'])
      expectProblem(await patch({ slackChannelId: bad }), 400, '/problems/validation-failed', 'slackChannelId');
    const saved = await patch({ slackChannelId: 'C0PLATFORM1' });
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({ slackChannelId: 'C0PLATFORM1' });
    const rhythm = await w.owner.client.get(`${API}/organization/rhythm/teams`);
    expectStatus(rhythm, 200);
    expect((rhythm.body as { id: string; slackChannelId: string | null }[]).find((t) => t.id === w.teamId)).toMatchObject({
      slackChannelId: 'C0PLATFORM1',
    });

    // A check-in in the digest's week, then the Monday digest: the channel hears what everyone may read.
    clock.set('2025-02-14T09:00:00Z');
    await w.api.checkIn(w.krs[0]!.id, { value: 40 });
    clock.set('2025-02-17T09:00:00Z');
    const reports = await runJobs(w.owner.client, ['digest', 'dispatch']);
    const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0PLATFORM1');
    expect(posts(), JSON.stringify({ reports, calls: slack.calls })).toHaveLength(1);
    expect(posts()[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(String(posts()[0]!.args.text)).toContain('Weekly digest: Platform');
    expect(String(posts()[0]!.args.text)).toContain('Uptime to 99.9 (Ship the platform)');

    // A win: the key result reaches its target.
    await w.api.checkIn(w.krs[1]!.id, { value: 100 });
    await runJobs(w.owner.client, ['dispatch']);
    expect(posts()).toHaveLength(2);
    expect(String(posts()[1]!.args.text)).toContain('Target reached: “Deploys per day” (Ship the platform)');
    // Run again: nothing is posted twice.
    await runJobs(w.owner.client, ['digest', 'dispatch']);
    expect(posts()).toHaveLength(2);

    expectStatus(await patch({ slackChannelId: null }), 200);
    expect((await w.owner.client.get(`${API}/teams/${w.teamId}`)).body).toMatchObject({ slackChannelId: null });
  });

  it('flags a bad value in the modal and saves nothing', async () => {
    await link(w.member, MAX);
    const answer = await postToSlackEndpoint(
      endpoint,
      checkInSubmission(MAX, w.krs[0]!.id, { value: { type: 'number_input', value: 'lots' } }),
      SECRET,
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ response_action: 'errors', errors: { value: 'Enter the current value as a number.' } });
    expect(await checkInsOf(w.krs[0]!.id)).toEqual([]);
  });

  it('refuses forged, stale and unsigned requests with 401 and does nothing', async () => {
    await link(w.member, MAX);
    const submission = checkInSubmission(MAX, w.krs[0]!.id, { value: { type: 'number_input', value: '90' } });
    const click = checkInClick(MAX, w.krs[0]!.id, 'trigger-forged');
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      await postToSlackEndpoint(endpoint, submission, SECRET, { secret: 'f'.repeat(32) }),
      await postToSlackEndpoint(endpoint, submission, SECRET, { timestamp: now - 6 * 60 }),
      await postToSlackEndpoint(endpoint, submission, SECRET, { timestamp: now + 6 * 60 }),
      await postToSlackEndpoint(endpoint, submission, SECRET, { unsigned: true }),
      await postToSlackEndpoint(endpoint, click, SECRET, { secret: 'f'.repeat(32) }),
      await postToSlackEndpoint(`${server.url}/slack/00000000-0000-4000-8000-000000000000/events`, click, SECRET),
    ];
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(attempts[0]!.json).toMatchObject({ type: expect.stringContaining('unauthenticated'), status: 401 });
    expect(await checkInsOf(w.krs[0]!.id)).toEqual([]);
    expect(slack.calls.filter((c) => c.method === 'views.open')).toEqual([]);
  });

  it('lets a person see and replace their link; another person cannot use their code', async () => {
    const other = await addPerson(w.owner.client, { name: 'Ola Other' });
    const code = await w.member.client.post(`${API}/slack/link-code`);
    expect(code.body.command).toBe(`/cairn link ${code.body.code}`);
    expect((await other.client.get(`${API}/slack/link`)).body).toMatchObject({ linked: false });
    await postToSlackEndpoint(endpoint, slashCommand('U0OTHER', `link ${code.body.code}`), SECRET);
    // The code links whoever types it to Max's Cairn account — it is Max's secret, and it is used up.
    const reused = await postToSlackEndpoint(endpoint, slashCommand(MAX, `link ${code.body.code}`), SECRET);
    expect(String(reused.json?.text)).toMatch(/wrong or has expired/);
    expectStatus(await w.member.client.delete(`${API}/slack/link`), 204);
    expect((await w.member.client.get(`${API}/slack/link`)).body).toMatchObject({ linked: false });
  });
});
