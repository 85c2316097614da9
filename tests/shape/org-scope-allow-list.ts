/**
 * Queries on organisation-owned tables that the static check in org-scope-check.ts cannot see scoped,
 * reviewed by reading their where() (2026-12-01), grouped by the one-line reason they are safe.
 * Keys are `file › function › table`. Add a key only with a reason; remove it when the query goes.
 */
export const REVIEWED_UNSCOPED_QUERIES: Record<string, string[]> = {
  'Before an organisation is known: resolving the caller, first-run setup, or a link whose token or signature is the credential': [
    'src/server/auth/actor.ts › activeUser › users',
    'src/server/auth/actor.ts › actorFromToken › apiTokens',
    'src/server/services/kpis/ingest.ts › ingestValue › ingestTokens',
    'src/server/auth/better-auth.ts › createAuth › users',
    'src/server/services/create-account.ts › countUsers › users',
    'src/server/services/invitations.ts › findOpenInvitation › invitations',
    'src/server/services/invitations.ts › acceptInvitation › invitations',
    'src/server/services/notifications/unsubscribe-link.ts › unsubscribeByLink › users',
    'src/server/services/notifications/unsubscribe-link.ts › unsubscribeTarget › users',
    'src/server/services/calendar/calendar-feed.ts › feedOwner › calendarFeeds',
    'src/server/services/reports/report-shares.ts › shareByToken › reportShares',
    // Better Auth hands over the user id of a reset token it has just checked (or an address it has just looked up).
    'src/server/services/password-reset.ts › mailResetLink › users',
    'src/server/services/password-reset.ts › recordPasswordReset › users',
  ],
  'E-mail addresses are unique across the instance, so an invitation checks them everywhere on purpose': [
    'src/server/services/invitations.ts › createInvitation › users',
    'src/server/services/bulk-invitations.ts › bulkInvite › users',
  ],
  'By the id of a row the same request created or claimed a moment before (an invitation just sent, an outbox row just claimed)': [
    'src/server/services/invitations.ts › setEmailStatus › invitations',
  ],
  'Jobs work across organisations: the dispatcher claims every due outbox row, for one organisation when it is given': [
    'src/server/jobs/dispatcher.ts › claim › outbox',
    'src/server/jobs/dispatcher.ts › recordUnsendable › outbox',
    'src/server/services/audit/retention.ts › pruneAuditLogs › auditChains',
  ],
  "The caller's or recipient's own rows, by a user id that belongs to exactly one organisation": [
    'src/server/services/notifications/centre.ts › listNotifications › notifications',
    'src/server/services/notifications/centre.ts › markRead › notifications',
    'src/server/services/notifications/notify.ts › enabled › notificationPreferences',
    'src/server/services/notifications/notify.ts › notify › users',
    'src/server/services/notifications/notify.ts › unreadCount › notifications',
    'src/server/services/notifications/preferences.ts › preferencesOf › notificationPreferences',
    'src/server/services/notifications/preferences.ts › quietHoursOf › users',
  ],
  'By ids of objectives, key results, cycles, teams or people the caller loaded in the organisation and passed in': [
    'src/server/services/okrs/cycle-tree.ts › treeRowsQuery › objectives',
    'src/server/services/okrs/find-objectives.ts › alignedToNothing › alignments',
    'src/server/services/okrs/find-objectives.ts › objectivesQuery › keyResults',
    'src/server/services/okrs/key-results.ts › listKeyResults › keyResults',
    'src/server/services/okrs/key-results.ts › countCheckIns › checkIns',
    'src/server/services/okrs/objective-activity.ts › objectiveActivity › keyResults',
    'src/server/services/okrs/objective-activity.ts › objectiveActivity › checkIns',
    'src/server/services/okrs/objective-timeline.ts › objectiveTimeline › checkIns',
    'src/server/services/okrs/objectives.ts › writeContributors › objectiveContributors',
    'src/server/services/okrs/rollup.ts › latestCheckIn › checkIns',
    'src/server/services/okrs/rollup.ts › rollUp › keyResults',
    'src/server/services/okrs/rollup.ts › parentsOf › alignments',
    'src/server/services/okrs/search-tree.ts › candidatesQuery › keyResults',
    'src/server/services/quality/objective-draft.ts › levelOf › teamMembers',
    'src/server/services/quality/objective-draft.ts › draftOfObjective › keyResults',
    'src/server/services/quality/objective-draft.ts › draftOfObjective › alignments',
    'src/server/services/quality/objective-draft.ts › draftOfObjective › objectives',
    'src/server/services/quality/objective-draft.ts › draftOfObjective › checkIns',
    'src/server/services/rhythm/attention.ts › unansweredBlockers › comments',
    'src/server/services/rhythm/digest-content.ts › teamDigest › checkIns',
    'src/server/services/social/celebrate.ts › celebrateTargetReached › objectives',
    'src/server/services/social/comment-list.ts › withPeople › users',
    'src/server/services/social/reactions.ts › reactionSummaries › reactions',
  ],
  'By the id of a row the same function loaded through the scoped actor reads of services/okrs/actor-reads.ts (which filter by org_id and decide the policy)':
    [
      'src/server/services/okrs/alignments.ts › addAlignment › alignments',
      'src/server/services/okrs/check-ins.ts › updateCheckIn › checkIns',
      'src/server/services/okrs/check-ins.ts › deleteCheckIn › checkIns',
      'src/server/services/okrs/key-results.ts › createKeyResult › keyResults',
      'src/server/services/okrs/key-results.ts › updateKeyResult › keyResults',
      'src/server/services/okrs/key-results.ts › overrideScore › keyResults',
      'src/server/services/okrs/objectives.ts › updateObjective › objectives',
    ],
  'Scoped by publishedIn(reader, cycleId), whose first condition is objectives.org_id = reader.orgId (services/across/cycle-facts.ts)': [
    'src/server/services/across/alignment-map.ts › alignmentMap › objectives',
  ],
  'By the id of an outbox row the dispatcher claimed itself (claim() picks due rows of any organisation: delivery is instance work)': [
    'src/server/jobs/dispatcher.ts › settle › outbox',
    'src/server/jobs/dispatcher.ts › dispatchOne › outbox',
  ],
  'By the id of an objective a notice in the same organisation names (notify() checks the recipient may read it)': [
    'src/server/services/notifications/notify.ts › mayRead › objectives',
  ],
  'Identity before any organisation is known: a credential or an e-mail address decides the organisation (token hashes and e-mails are unique per instance; SSO provider ids are global)':
    [
      'src/server/services/scim/scim-tokens.ts › organizationOfScimToken › scimTokens',
      'src/server/services/security-events.ts › recordSignIn › users',
      'src/server/services/sso/sso-sign-in.ts › providerById › ssoProviders',
      'src/server/services/sso/sso-sign-in.ts › checkSsoSignIn › users',
      'src/server/services/sso/sso-sign-in.ts › passwordSignInRefusal › users',
      'src/server/services/sso/sso-sign-in.ts › signInProviders › ssoProviders',
      'src/server/services/sso/sso-sign-in.ts › issuerOrigins › ssoProviders',
    ],
};
