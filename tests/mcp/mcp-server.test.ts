import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectStatus } from '../support/fixtures.js';
import { API, percent } from '../okrs/support.js';
import { callTool, connectAssistant, expectSuccess, mintToken, useMcpWorld } from './support.js';

const TOOLS = ['check_in', 'draft_objective', 'my_key_results', 'objective_details', 'search_lessons', 'what_changed'];

describeEachEngine('MCP server at /mcp', (engine) => {
  const t = useMcpWorld(engine, '2025-02-15');

  const publishedKeyResult = async () => {
    const objective = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Grow the community' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Reach 100 weekly contributors'));
    return { objective, kr };
  };

  it('answers 401 with a Bearer challenge without a token, with a bad token, and with a session cookie alone', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    for (const extra of [{}, { authorization: 'Bearer cairn_not-a-real-token' }] as Record<string, string>[]) {
      const response = await fetch(`${t.server.url}/mcp`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify(initialize),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="cairn-mcp"/);
      expect((await response.json()).type).toBe('/problems/unauthenticated');
    }
    const bySession = await t.w.owner.client.post('/mcp', initialize);
    expect(bySession.status).toBe(401);
    await expect(connectAssistant(t.server.url, 'cairn_not-a-real-token')).rejects.toThrow();
  });

  it('lists its tools and reads my key results with progress, status, confidence and whether a check-in is due', async () => {
    const { objective, kr } = await publishedKeyResult();
    await t.w.api.checkIn(kr.id, { value: 20, confidence: 6 });
    const otherOwner = await addPerson(t.w.owner.client, { name: 'Olga Other' });
    const theirs = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Not mine', ownerId: otherOwner.user.id });
    await t.w.api.createKeyResult(theirs.id, { ...percent('Their key result'), ownerId: otherOwner.user.id });
    const assistant = await connectAssistant(t.server.url, await mintToken(t.w.owner.client, ['read']));
    const { tools } = await assistant.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    expect(tools.find((tool) => tool.name === 'check_in')!.inputSchema.required).toEqual(['keyResultId']);
    const mine = await callTool(assistant, 'my_key_results');
    expectSuccess(mine);
    const keyResults = mine.structuredContent!.keyResults as Record<string, unknown>[];
    expect(keyResults).toHaveLength(1);
    expect(keyResults[0]).toMatchObject({
      id: kr.id,
      objectiveId: objective.id,
      progress: 0.2,
      confidence: 6,
      lastCheckInDate: '2025-02-15',
      checkInDue: false,
    });
    expect(['on_track', 'at_risk', 'off_track']).toContain(keyResults[0]!.status);
    expect(mine.text).toContain('Reach 100 weekly contributors');
    expect(mine.text).not.toContain('Their key result');
    const details = await callTool(assistant, 'objective_details', { objectiveId: objective.id });
    expectSuccess(details);
    expect(details.structuredContent).toMatchObject({ objective: { id: objective.id, progress: 0.2 }, checkIns: [{ value: 20 }] });
    await assistant.close();
  });

  it('checks in with a write token through the check-in service: the roll-up moves and the history says MCP', async () => {
    const { objective, kr } = await publishedKeyResult();
    const assistant = await connectAssistant(t.server.url, await mintToken(t.w.owner.client, ['read', 'write:check-ins']));
    const result = await callTool(assistant, 'check_in', {
      keyResultId: kr.id,
      value: 40,
      confidence: 7,
      note: 'Meetup went well',
      blockers: 'Venue',
    });
    expectSuccess(result);
    expect(result.structuredContent).toMatchObject({ keyResult: { progress: 0.4, confidence: 7 }, objective: { progress: 0.4 } });
    expect(await t.w.api.progressOf(objective.id)).toBeCloseTo(0.4, 12);
    const [checkIn] = await t.w.api.checkIns(kr.id);
    expect(checkIn).toMatchObject({ value: 40, note: 'Meetup went well', blockers: 'Venue' });
    const activity = await t.w.owner.client.get(`${API}/objectives/${objective.id}/activity`);
    expectStatus(activity, 200);
    const byAction = (action: string) => activity.body.filter((a: { action: string }) => a.action === action);
    expect(byAction('check_in.created')).toMatchObject([{ via: 'mcp' }]);
    // What the web app and the API wrote carries no channel.
    expect(byAction('key_result.created')).toMatchObject([{ via: null }]);
    // A rule the service refuses is a tool error naming the field, and writes nothing.
    const refused = await callTool(assistant, 'check_in', { keyResultId: kr.id, confidence: 5 });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({ error: 'validation-failed', errors: [{ field: 'value' }] });
    expect(await t.w.api.checkIns(kr.id)).toHaveLength(1);
    await assistant.close();
  });

  it('refuses a read token every write: a tool error naming the scope, a 403 in the log, nothing written', async () => {
    const { objective, kr } = await publishedKeyResult();
    const assistant = await connectAssistant(t.server.url, await mintToken(t.w.owner.client, ['read']));
    const checkIn = await callTool(assistant, 'check_in', { keyResultId: kr.id, value: 90 });
    expect(checkIn.isError).toBe(true);
    expect(checkIn.text).toContain('write:check-ins');
    const draft = await callTool(assistant, 'draft_objective', { cycleId: t.w.cycle.id, title: 'Sneaky draft', keyResults: [] });
    expect(draft.isError).toBe(true);
    expect(draft.text).toContain('write:okrs');
    expect(await t.w.api.checkIns(kr.id)).toHaveLength(0);
    expect(await t.w.api.progressOf(objective.id)).toBe(0);
    expect((await t.w.api.objectives({ cycleId: t.w.cycle.id, status: 'draft' })).map((o) => o.title)).not.toContain('Sneaky draft');
    const refusals = t.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.statusCode === 403);
    expect(refusals.map((l) => [l.mcpTool, l.requiredScope])).toEqual([
      ['check_in', 'write:check-ins'],
      ['draft_objective', 'write:okrs'],
    ]);
    // A check-in token cannot read through MCP either, as through the API.
    const poster = await connectAssistant(t.server.url, await mintToken(t.w.owner.client, ['write:check-ins']));
    const read = await callTool(poster, 'my_key_results');
    expect(read.isError).toBe(true);
    expect(read.text).toContain('"read"');
    await assistant.close();
    await poster.close();
  });

  it('drafts an objective with key results and returns the quality coach findings; a refused key result leaves nothing', async () => {
    const assistant = await connectAssistant(t.server.url, await mintToken(t.w.owner.client, ['read', 'write:okrs']));
    const result = await callTool(assistant, 'draft_objective', {
      cycleId: t.w.cycle.id,
      title: 'Improve things',
      keyResults: [{ title: 'Launch the new onboarding', kind: 'milestone', milestones: [{ title: 'Ship', weight: 1 }] }],
    });
    expectSuccess(result);
    const { objective, quality } = result.structuredContent as {
      objective: { id: string; status: string };
      quality: { findings: unknown[] };
    };
    expect(objective.status).toBe('draft');
    expect(quality.findings.length).toBeGreaterThan(0);
    expect((await t.w.api.keyResults(objective.id)).map((k) => k.title)).toEqual(['Launch the new onboarding']);
    const activity = await t.w.owner.client.get(`${API}/objectives/${objective.id}/activity`);
    expect(activity.body.map((a: { action: string; via: string | null }) => [a.action, a.via]).sort()).toEqual([
      ['key_result.created', 'mcp'],
      ['objective.created', 'mcp'],
    ]);
    const before = await t.w.api.objectives({ cycleId: t.w.cycle.id, status: 'draft' });
    const refused = await callTool(assistant, 'draft_objective', {
      cycleId: t.w.cycle.id,
      title: 'Half a draft',
      keyResults: [percent('Fine one'), { title: 'Broken', kind: 'metric', startValue: 5, targetValue: 5 }],
    });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.structuredContent)).toContain('keyResults[1]');
    expect(await t.w.api.objectives({ cycleId: t.w.cycle.id, status: 'draft' })).toHaveLength(before.length);
    await assistant.close();
  });

  it('shows an assistant nothing its person could not see through the API', async () => {
    const member = await addPerson(t.w.owner.client, { name: 'Mia Member' });
    const secret = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Secret acquisition', visibility: 'private' });
    const kr = await t.w.api.createKeyResult(secret.id, { ...percent('Close the deal'), ownerId: member.user.id });
    await t.w.api.checkIn(kr.id, { value: 50, blockers: 'Legal review of the secret deal' });
    const assistant = await connectAssistant(t.server.url, await mintToken(member.client, ['read', 'write:check-ins']));
    expectStatus(await member.client.get(`${API}/objectives/${secret.id}`), 404);
    const details = await callTool(assistant, 'objective_details', { objectiveId: secret.id });
    expect(details.isError).toBe(true);
    expect(details.structuredContent).toMatchObject({ error: 'not-found' });
    const checkIn = await callTool(assistant, 'check_in', { keyResultId: kr.id, value: 60 });
    expect(checkIn.isError).toBe(true);
    expect(checkIn.structuredContent).toMatchObject({ error: 'not-found' });
    for (const [tool, args] of [
      ['my_key_results', {}],
      ['what_changed', {}],
    ] as const) {
      const result = await callTool(assistant, tool, args);
      expectSuccess(result);
      expect(JSON.stringify(result)).not.toMatch(/Secret acquisition|Close the deal|secret deal/);
    }
    // The owner (an admin) sees it through the same tool.
    const owner = await connectAssistant(t.server.url, await mintToken(t.w.owner.client, ['read']));
    const changes = await callTool(owner, 'what_changed');
    expectSuccess(changes);
    expect(JSON.stringify(changes.structuredContent)).toContain('Secret acquisition');
    await assistant.close();
    await owner.close();
  });
});
