import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { organizations, slackInstallations } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { forbidden, invalid } from '../../errors.js';
import { isAdmin } from '../../policies/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import { slackManifest, slackRequestUrl } from './manifest.js';

export interface SlackCredentials {
  signingSecret: string;
  botToken: string;
}

/** The organisation's Slack secrets, for verifying and calling Slack only: never presented. */
export async function slackCredentials(db: Executor, orgId: string): Promise<SlackCredentials | null> {
  const [row] = await db
    .select({ signingSecret: slackInstallations.signingSecret, botToken: slackInstallations.botToken })
    .from(slackInstallations)
    .where(eq(slackInstallations.orgId, orgId));
  return row ?? null;
}

/** What the install page shows: whether Slack is set up, the request URL and the manifest; no secret. */
export async function slackInstallation(ctx: Pick<AppContext, 'db' | 'config'>, actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only owners and admins set up the Slack app.');
  const [org] = await ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.orgId));
  const [row] = await ctx.db
    .select({ updatedAt: slackInstallations.updatedAt })
    .from(slackInstallations)
    .where(eq(slackInstallations.orgId, actor.orgId));
  const requestUrl = slackRequestUrl(ctx.config.publicUrl, actor.orgId);
  return {
    configured: Boolean(row),
    updatedAt: row ? row.updatedAt.toISOString() : null,
    requestUrl,
    manifest: slackManifest(org?.name ?? 'Cairn', requestUrl),
  };
}

/** Slack bot tokens start `xoxb-`; a user token or app token would fail later, less clearly. */
function checkCredentials(input: SlackCredentials) {
  if (!/^[0-9a-f]{16,}$/i.test(input.signingSecret.trim()))
    throw invalid('signingSecret', 'Paste the Signing Secret from Basic Information (hexadecimal).');
  if (!/^xoxb-[\w-]+$/.test(input.botToken.trim()))
    throw invalid('botToken', 'Paste the Bot User OAuth Token from OAuth & Permissions (it starts with xoxb-).');
}

/** Stores (or replaces) the organisation's Slack secrets, audited without them. */
export async function saveSlackInstallation(ctx: Pick<AppContext, 'db' | 'config'>, actor: Actor, input: SlackCredentials) {
  if (!isAdmin(actor)) throw forbidden('Only owners and admins set up the Slack app.');
  checkCredentials(input);
  const values = {
    signingSecret: input.signingSecret.trim(),
    botToken: input.botToken.trim(),
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(slackInstallations)
      .values({ orgId: actor.orgId, ...values })
      .onConflictDoUpdate({ target: slackInstallations.orgId, set: values });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'slack.installed',
      targetType: 'organization',
      targetId: actor.orgId,
    });
  });
  return slackInstallation(ctx, actor);
}
