import { expect, it } from 'vitest';
import { okrFiles, okrLinks } from '../../src/db/schema/index.js';
import { Client, type ApiResponse } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { startTestServer } from '../support/server.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';

/** POST a file as a browser's form would: multipart with `file` (and `name` when given). */
async function postFile(
  client: Client,
  path: string,
  content: Buffer,
  filename: string,
  type: string,
  name?: string,
): Promise<ApiResponse> {
  const form = new FormData();
  if (name !== undefined) form.append('name', name);
  form.append('file', new Blob([new Uint8Array(content)], { type }), filename);
  const response = await fetch(new URL(`${API}${path}`, client.baseUrl), {
    method: 'POST',
    headers: { origin: client.baseUrl, cookie: client.cookieHeader },
    body: form,
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '');
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text, text };
}

/** The same person in a browser on another Cairn process (same database, its own limits). */
function sameBrowserOn(url: string, client: Client): Client {
  const other = new Client(url);
  for (const [name, value] of client.cookies) other.cookies.set(name, value);
  return other;
}

describeEachEngine('Links and files on objectives and key results', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('keeps http(s) links only, refusing javascript: and others naming url, with nothing stored', async () => {
    const { owner, api, cycle } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Grow' });
    const kr = await api.createKeyResult(objective.id, percent('Signups'));
    const added = await owner.client.post(`${API}/objectives/${objective.id}/links`, {
      title: 'Plan',
      url: 'https://docs.example.com/plan',
    });
    expectStatus(added, 201);
    expectStatus(await owner.client.post(`${API}/key-results/${kr.id}/links`, { title: 'Dashboard', url: 'http://bi.local/signups' }), 201);
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<b>x</b>', 'ftp://example.com/f', 'example.com'])
      expectProblem(
        await owner.client.post(`${API}/objectives/${objective.id}/links`, { title: 'Bad', url }),
        422,
        '/problems/validation-failed',
        'url',
      );
    expectProblem(
      await owner.client.post(`${API}/objectives/${objective.id}/links`, { title: '', url: 'https://x.example' }),
      400,
      '/problems/validation-failed',
      'title',
    );
    const outsider = await addPerson(owner.client);
    expectProblem(
      await outsider.client.post(`${API}/objectives/${objective.id}/links`, { title: 'X', url: 'https://x.example' }),
      403,
      '/problems/forbidden',
    );
    expectProblem(await outsider.client.delete(`${API}/links/${added.body.id}`), 403, '/problems/forbidden');
    expect(await engine().db.select().from(okrLinks)).toHaveLength(2);

    const list = await outsider.client.get(`${API}/objectives/${objective.id}/attachments`);
    expect(list.body).toMatchObject({
      can: { attach: false },
      links: [{ title: 'Plan', url: 'https://docs.example.com/plan', canRemove: false }],
      files: [],
    });
    expect((await owner.client.get(`${API}/key-results/${kr.id}/attachments`)).body.links).toEqual([
      expect.objectContaining({ title: 'Dashboard' }),
    ]);
    expectStatus(await owner.client.delete(`${API}/links/${added.body.id}`), 204);
    expect(await engine().db.select().from(okrLinks)).toHaveLength(1);
  });

  it('stores files in the database, sends them back as attachments with nosniff, and refuses a file over the limit (413) or without a name', async () => {
    const { owner, api, cycle } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Grow' });
    const kr = await api.createKeyResult(objective.id, percent('Signups'));
    const html = Buffer.from('<script>alert(document.cookie)</script>');
    const uploaded = await postFile(owner.client, `/key-results/${kr.id}/files`, html, 'notes.html', 'text/html');
    expectStatus(uploaded, 201);
    expect(uploaded.body).toMatchObject({ name: 'notes.html', contentType: 'text/html', size: html.length, keyResultId: kr.id });

    // Another Cairn process on the same database, with a 1 KB limit, serves the same file.
    const second = await startTestServer(engine().handle, { config: { maxFileBytes: 1024 } });
    try {
      const there = sameBrowserOn(second.url, owner.client);
      const download = await there.get(uploaded.body.downloadUrl);
      expectStatus(download, 200);
      expect(download.text).toBe(html.toString());
      expect(download.headers.get('content-type')).toMatch(/^text\/html/);
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="notes.html"; filename*=UTF-8''notes.html`);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-security-policy')).toContain('sandbox');

      const tooBig = await postFile(
        there,
        `/objectives/${objective.id}/files`,
        Buffer.alloc(2048, 1),
        'big.bin',
        'application/octet-stream',
      );
      expectProblem(tooBig, 413, '/problems/too-large', 'file');
      expectProblem(
        await postFile(there, `/objectives/${objective.id}/files`, Buffer.from('x'), 'a.txt', 'text/plain', '  '),
        422,
        '/problems/validation-failed',
        'name',
      );
      expectStatus(
        await postFile(there, `/objectives/${objective.id}/files`, Buffer.from('résumé'), 'Bericht März.txt', 'text/plain'),
        201,
      );
    } finally {
      await second.close();
    }
    const files = await engine().db.select({ name: okrFiles.name }).from(okrFiles);
    expect(files.map((f) => f.name).sort()).toEqual(['Bericht März.txt', 'notes.html']);
    const unicode = (await owner.client.get(`${API}/objectives/${objective.id}/attachments`)).body.files[0];
    const got = await owner.client.get(unicode.downloadUrl);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Bericht M_rz.txt"; filename*=UTF-8''Bericht%20M%C3%A4rz.txt`,
    );

    // Admins see the organisation's total; members do not.
    const usage = await owner.client.get(`${API}/organization/file-usage`);
    expect(usage.body).toEqual({ files: 2, totalBytes: html.length + Buffer.byteLength('résumé'), maxFileBytes: 10 * 1024 * 1024 });
    const member = await addPerson(owner.client);
    expectProblem(await member.client.get(`${API}/organization/file-usage`), 403, '/problems/forbidden');
    expectProblem(await member.client.delete(`${API}/files/${uploaded.body.id}`), 403, '/problems/forbidden');
    // Removed, it is gone for everyone.
    expectStatus(await owner.client.delete(`${API}/files/${uploaded.body.id}`), 204);
    expectProblem(await owner.client.get(uploaded.body.downloadUrl), 404, '/problems/not-found');
  });
});
