import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { seriousAxeViolations } from './browser.js';
import { OWNER_PASSWORD, useSignedInBrowser } from './signed-in.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/rollout-shots';

// A champion sets the pilot and sends a clarity survey; the pilot's members answer; results show from the fifth answer.
describe('rollout: pilot and clarity survey', () => {
  const b = useSignedInBrowser({ organization: 'Acme', email: 'ada@acme.test' });

  it('a champion sets a pilot, sends a clarity survey, and sees results once five have answered', { timeout: 180_000 }, async () => {
    const { server, browser } = b;
    const pilot = await b.post<{ id: string }>('/teams', { name: 'Pilot crew' });
    await b.post('/teams', { name: 'Later crew' });
    const signIn = async (email: string, name: string, role: 'champion' | 'member', teamId?: string) => {
      const invitation = await b.post<{ link: string }>('/invitations', { email, role, teamId });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const accepted = await context.request.post(`${server.url}/api/v1/invitations/accept`, {
        data: { token: invitation.link.slice(invitation.link.lastIndexOf('/') + 1), name, password: OWNER_PASSWORD },
        headers: { origin: server.url },
      });
      expect(accepted.status(), await accepted.text()).toBe(201);
      return context;
    };
    const championContext = await signIn('chris@acme.test', 'Chris Champion', 'champion');
    const members: BrowserContext[] = [];
    for (let i = 1; i <= 5; i++) members.push(await signIn(`m${i}@acme.test`, `Member ${i}`, 'member', pilot.id));
    try {
      const page = await championContext.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/rollout`);
      await page.getByRole('heading', { level: 1, name: 'Rollout' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Teams in the pilot', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Pilot crew' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Save pilot' }).click();
      await page.getByText('Pilot saved').waitFor();
      await page.screenshot({ path: `${SHOTS}/rollout.png`, fullPage: true });

      await page.goto(`${server.url}/surveys`);
      await page.getByRole('heading', { name: 'Pulse surveys' }).waitFor();
      await page.getByText(/^No survey sent yet\./).waitFor();
      await page.getByLabel('Start from a template', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Clarity pulse' }).click();
      await page.getByLabel('Send to', { exact: true }).first().click();
      await page.getByRole('option', { name: 'The pilot teams' }).click();
      await page.getByLabel('Repeat', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Every month' }).click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/survey-builder.png`, fullPage: true });
      await page.getByRole('button', { name: 'Send survey' }).click();
      await page.getByRole('link', { name: 'Clarity pulse' }).waitFor();
      // The table shows how it repeats and when the next round opens (a month after today), with a way to stop it.
      await page.getByText('Every month · round 1').waitFor();
      await page.getByText(/^Next round \d{4}-\d{2}-\d{2}$/).waitFor();
      await page.getByRole('button', { name: 'Stop repeating Clarity pulse' }).waitFor();
      const surveyHref = await page.getByRole('link', { name: 'Clarity pulse' }).getAttribute('href');
      const surveyId = surveyHref!.split('/')[2]!;

      // Four members answer in the browser, through the answer page.
      for (const [i, context] of members.slice(0, 4).entries()) {
        const member = await context.newPage();
        member.setDefaultTimeout(10_000);
        await member.goto(`${server.url}/surveys`);
        await member.getByRole('link', { name: /Answer “Clarity pulse”/ }).click();
        await member.getByRole('radio', { name: String(i + 2) }).check();
        await member.getByRole('textbox', { name: 'What would make our objectives clearer?' }).fill(`More context ${i}`);
        if (i === 0) {
          expect(await seriousAxeViolations(member)).toEqual([]);
          await member.setViewportSize({ width: 375, height: 800 });
          await member.screenshot({ path: `${SHOTS}/survey-answer-375.png`, fullPage: true });
        }
        await member.getByRole('button', { name: 'Send my answers' }).click();
        await member.getByText('Your answers are in.').waitFor();
        await member.close();
      }

      await page.goto(`${server.url}/surveys/${surveyId}/results`);
      await page.getByText('Not enough answers yet').waitFor();

      const fifth = await members[4]!.newPage();
      await fifth.goto(`${server.url}/surveys/${surveyId}/answer`);
      await fifth.getByRole('radio', { name: '5' }).check();
      await fifth.getByRole('button', { name: 'Send my answers' }).click();
      await fifth.getByText('Your answers are in.').waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'Pilot crew' }).waitFor();
      // 2 + 3 + 4 + 5 + 5 = 19 over five answers.
      await page.getByText('3.80 / 5 (5 answers)', { exact: false }).waitFor();
      expect(await page.getByText('Member 1').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/survey-results.png`, fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: `${SHOTS}/survey-results-375.png`, fullPage: true });
    } finally {
      await championContext.close();
      for (const context of members) await context.close();
    }
  });
});
