/** The scopes the Cairn app asks for: post DMs and channel messages, take /cairn, open DMs, read e-mails. */
export const SLACK_SCOPES = ['chat:write', 'commands', 'im:write', 'users:read.email'] as const;

/** Where Slack sends an organisation's slash commands and interactivity (one URL serves both). */
export const slackRequestUrl = (publicUrl: string, orgId: string) => `${publicUrl}/slack/${orgId}/events`;

/**
 * The app manifest an admin pastes into api.slack.com ("Create app → From a manifest"): the /cairn
 * command and interactivity both point at this organisation's request URL.
 */
export function slackManifest(organizationName: string, requestUrl: string) {
  return {
    display_information: { name: 'Cairn', description: `Check-ins and key results for ${organizationName}` },
    features: {
      bot_user: { display_name: 'Cairn', always_online: false },
      slash_commands: [
        {
          command: '/cairn',
          url: requestUrl,
          description: 'My key results; /cairn link CODE links your Cairn account',
          usage_hint: '[link CODE]',
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...SLACK_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, request_url: requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
