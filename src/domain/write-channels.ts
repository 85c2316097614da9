/**
 * Where a write came from when it was not the web app or the plain API: an assistant over MCP, or the
 * Slack app's check-in modal (issue 20). Stored on the activity row (`activities.via`, null for the web
 * and the API) and shown in an objective's history.
 */
export const WRITE_CHANNELS = ['mcp', 'slack'] as const;
export type WriteChannel = (typeof WRITE_CHANNELS)[number];

export const CHANNEL_LABELS: Record<WriteChannel, string> = { mcp: 'MCP', slack: 'Slack' };
