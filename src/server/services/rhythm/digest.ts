import { eq } from 'drizzle-orm';
import { DEFAULT_STATUS_MARGINS, type StatusMargins } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { organizations } from '../../../db/schema/index.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { isEmpty, SECTION_TITLES, teamDigest, type DigestSections } from './digest-content.js';
import type { Period } from './schedule.js';
import { teamLeads, type CheckInGroup } from './schedules.js';
import { bullets, sayDate } from './wording.js';
import { queueSlackChannelPost, slackInstalled } from '../slack/channel-post.js';
import { anyoneIn } from '../visibility/objective-visible.js';

function teamBlock(name: string, sections: DigestSections): string {
  const parts = (Object.keys(SECTION_TITLES) as (keyof DigestSections)[])
    .filter((key) => sections[key].length > 0)
    .map((key) => `${SECTION_TITLES[key]}:\n${bullets(sections[key])}`);
  return [name, ...parts].join('\n\n');
}

/**
 * The weekly digest of one organisation: each team lead gets one notification covering the teams
 * they lead, for the week ending at the digest moment. A lead whose teams had a quiet week with
 * nothing at risk and nothing missing gets nothing.
 */
export async function sendDigests(tx: Executor, n: NotifyContext, groups: CheckInGroup[], orgId: string, window: Period) {
  const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
  const margins: StatusMargins = { ...DEFAULT_STATUS_MARGINS, ...(org?.settings ?? {}) };
  const leads = await teamLeads(tx, orgId);
  // One digest per lead and team: each lead reads only the objectives they may see.
  const byLeadAndTeam = new Map<string, DigestSections>();
  for (const lead of leads) {
    const group = groups.find((g) => g.teamId === lead.teamId);
    if (group) byLeadAndTeam.set(`${lead.userId}:${lead.teamId}`, await teamDigest(tx, group, window, margins, lead));
  }
  const sectionsOf = (l: { userId: string; teamId: string }) => byLeadAndTeam.get(`${l.userId}:${l.teamId}`);
  let notified = 0;
  for (const userId of new Set(leads.map((l) => l.userId))) {
    const mine = leads.filter((l) => l.userId === userId && sectionsOf(l) && !isEmpty(sectionsOf(l)!));
    if (mine.length === 0) continue;
    const sent = await notify(tx, n, {
      orgId,
      userId,
      kind: 'digest',
      title: `Weekly digest: ${mine.map((l) => l.teamName).join(', ')}`,
      body: [`The week to ${sayDate(window.dueDate)}.`, ...mine.map((l) => teamBlock(l.teamName, sectionsOf(l)!))].join('\n\n'),
      link: mine.length === 1 ? `/teams/${mine[0]!.teamId}` : '/teams',
      entityType: 'organization',
      entityId: orgId,
      dedupeKey: `digest:${window.dueDate}`,
    });
    if (sent) notified++;
  }
  const slackPosts = await postToTeamChannels(tx, n, groups, orgId, window, margins);
  return { leads: new Set(leads.map((l) => l.userId)).size, notified, ...(slackPosts ? { slackPosts } : {}) };
}

/**
 * Each team with a Slack channel also gets its digest there, through the Slack app. A channel may hold
 * anyone, so it reads as someone of the organisation with no team: only what everyone may see.
 */
async function postToTeamChannels(
  tx: Executor,
  n: NotifyContext,
  groups: CheckInGroup[],
  orgId: string,
  window: Period,
  margins: StatusMargins,
) {
  const withChannel = groups.filter((g) => g.teamId && g.slackChannelId);
  if (withChannel.length === 0 || !(await slackInstalled(tx, orgId))) return 0;
  let posts = 0;
  for (const group of withChannel) {
    const sections = await teamDigest(tx, group, window, margins, anyoneIn(orgId));
    if (isEmpty(sections)) continue;
    posts += await queueSlackChannelPost(tx, {
      orgId,
      channel: group.slackChannelId!,
      text: [
        `*Weekly digest: ${group.name}*`,
        `The week to ${sayDate(window.dueDate)}.`,
        teamBlock(group.name, sections),
        n.publicUrl,
      ].join('\n\n'),
      dedupeKey: `slack:digest:${group.teamId}:${window.dueDate}`,
      now: n.now,
    });
  }
  return posts;
}
