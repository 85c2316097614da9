import { describe, expect, it } from 'vitest';
import { postActiveQuarter, postPublishedObjective, useSignedInBrowser } from './signed-in.js';

// The page renders what the API says the caller may do (`can`), never a role rule of its own.
describe('OKR controls follow the abilities the API sends', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('a member sees no edit controls on someone else’s objective; its owner does', { timeout: 90_000 }, async () => {
    const { page, server, browser } = b;
    // Published: a company draft is visible only to its author and the admins, so the member would not see it at all.
    const cycle = await postActiveQuarter(b);
    const objective = await postPublishedObjective(b, cycle.id, 'Become the obvious choice');
    await b.post(`/objectives/${objective.id}/key-results`, {
      title: 'Win rate',
      kind: 'metric',
      startValue: 18,
      targetValue: 25,
      unit: 'percent',
    });
    const invitation = await b.post<{ link: string }>('/invitations', { email: 'mia@acme.test', role: 'member' });

    await page.goto(`${server.url}/objectives/${objective.id}`);
    await page.getByRole('heading', { name: 'Become the obvious choice' }).waitFor();
    await page.getByRole('button', { name: 'Add key result' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Edit key result Win rate' }).count()).toBe(1);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const member = await context.newPage();
      member.setDefaultTimeout(10_000);
      const accepted = await member.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name: 'Mia Member', password: 'correct-horse-battery' },
        headers: { origin: server.url },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
      await member.goto(`${server.url}/objectives/${objective.id}`);
      await member.getByRole('heading', { name: 'Become the obvious choice' }).waitFor();
      await member.getByRole('region', { name: 'Key result: Win rate' }).waitFor();
      expect(await member.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
      expect(await member.getByRole('button', { name: 'Add key result' }).count()).toBe(0);
      expect(await member.getByRole('button', { name: 'Edit key result Win rate' }).count()).toBe(0);
      expect(await member.getByRole('button', { name: 'Check in' }).count()).toBe(0);
      expect(await member.getByRole('button', { name: 'Publish objective' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
