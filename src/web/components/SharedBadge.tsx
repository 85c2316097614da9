import { Badge } from '@mantine/core';

/**
 * On a contributing team's page or tree: the objective is another team's, shared with this one. It is listed
 * here, and counts in its owning team's figures only (docs/cross-team-views.md).
 */
export function SharedBadge({ by }: { by: string }) {
  return (
    <Badge size="xs" variant="light" color="indigo" title={`Owned by ${by}; this team contributes`}>
      Shared by {by}
    </Badge>
  );
}
