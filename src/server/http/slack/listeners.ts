import type { App } from '@slack/bolt';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { createCheckIn } from '../../services/okrs/check-ins.js';
import {
  CHECK_IN_ACTION,
  CHECK_IN_VIEW,
  checkInModal,
  myKeyResultsMessage,
  readCheckInSubmission,
  type SubmittedState,
} from '../../services/slack/blocks.js';
import { keyResultForSlack } from '../../services/slack/key-result.js';
import { actorOfSlackUser, redeemSlackLinkCode } from '../../services/slack/links.js';
import { myKeyResults } from '../../services/slack/my-key-results.js';
import { writingThrough } from '../../services/write-channel.js';

/** What an unlinked Slack user is told, wherever they reach Cairn from. */
export const howToLink = (publicUrl: string) =>
  `Your Slack account is not linked to Cairn yet. Open your profile in Cairn (${publicUrl}/settings/profile), choose "Link Slack", and type the command it shows here: /cairn link CODE`;

const INPUT_BLOCKS = new Set(['value', 'milestones', 'confidence', 'note', 'blockers']);
/** The modal block a service error belongs to; errors about fields the modal lacks (the date, the cycle) go under the note. */
const blockOf = (field: string | undefined) =>
  field === 'milestonesDone' ? 'milestones' : field && INPUT_BLOCKS.has(field) ? field : 'note';

/** `/cairn`, the reminder's Check in button and the modal's submission, for one organisation's Slack app. */
export function registerListeners(app: App, ctx: AppContext, orgId: string) {
  const publicUrl = ctx.config.publicUrl;

  app.command('/cairn', async ({ command, ack }) => {
    const [verb, code] = command.text.trim().split(/\s+/);
    if (verb?.toLowerCase() === 'link') {
      const userId = code ? await redeemSlackLinkCode(ctx.db, orgId, code, command.user_id, ctx.clock()) : null;
      const actor = userId ? await actorOfSlackUser(ctx.db, orgId, command.user_id) : null;
      return ack({
        response_type: 'ephemeral',
        text: actor
          ? `Linked: this Slack account now acts as ${actor.name} in Cairn.`
          : 'That link code is wrong or has expired. Open your profile in Cairn and choose "Link Slack" for a new one.',
      });
    }
    const actor = await actorOfSlackUser(ctx.db, orgId, command.user_id);
    if (!actor) return ack({ response_type: 'ephemeral', text: howToLink(publicUrl) });
    const list = await myKeyResults(ctx.db, actor, ctx.clock());
    return ack({ response_type: 'ephemeral', ...myKeyResultsMessage(list, publicUrl) });
  });

  app.action(CHECK_IN_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !action.value) return;
    const actor = await actorOfSlackUser(ctx.db, orgId, body.user.id);
    if (!actor) {
      await client.chat.postMessage({ channel: body.user.id, text: howToLink(publicUrl) });
      return;
    }
    const kr = await keyResultForSlack(ctx.db, actor, action.value);
    if (!kr) {
      await client.chat.postMessage({ channel: body.user.id, text: 'That key result no longer exists or is hidden from you.' });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: checkInModal(kr) });
  });

  app.view(CHECK_IN_VIEW, async ({ ack, body, view }) => {
    const actor = await actorOfSlackUser(ctx.db, orgId, body.user.id);
    if (!actor) return ack({ response_action: 'errors', errors: { note: howToLink(publicUrl) } });
    const kr = await keyResultForSlack(ctx.db, actor, view.private_metadata);
    if (!kr) return ack({ response_action: 'errors', errors: { note: 'That key result no longer exists or is hidden from you.' } });
    const read = readCheckInSubmission(view.state.values as SubmittedState, { kind: kr.kind, milestoneCount: kr.milestones?.length ?? 0 });
    if ('errors' in read) return ack({ response_action: 'errors', errors: read.errors });
    try {
      // The same service as the web's check-in: rules, permission, roll-up, activity (marked via Slack), notices.
      await writingThrough('slack', () => createCheckIn(ctx, actor, kr.id, read.fields));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return ack({ response_action: 'errors', errors: { [blockOf(error.errors[0]?.field)]: error.message } });
    }
    return ack();
  });
}
