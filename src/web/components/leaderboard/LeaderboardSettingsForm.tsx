import { Alert, Group, Paper, Select, Switch, Text } from '@mantine/core';
import { useSaveLeaderboardSettings, type LeaderboardMeasure, type LeaderboardSettings } from '../../api/leaderboard.js';

export const MEASURE_LABELS: Record<LeaderboardMeasure, string> = {
  pace: 'Progress against pace',
  discipline: 'Check-ins made on time',
  improvement: 'Improvement on the previous cycle',
};

/** Admins choose what the ranking rewards, hide other teams' names, or turn the leaderboard off. */
export function LeaderboardSettingsForm({ settings }: { settings: LeaderboardSettings }) {
  const save = useSaveLeaderboardSettings();
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        Leaderboard settings
      </Text>
      <Group align="end" wrap="wrap" gap="lg">
        <Select
          label="Rank teams by"
          data={Object.entries(MEASURE_LABELS).map(([value, label]) => ({ value, label }))}
          value={settings.measure}
          onChange={(measure) => measure && save.mutate({ measure: measure as LeaderboardMeasure })}
          allowDeselect={false}
          maw={320}
        />
        <Switch
          label="Show the leaderboard"
          checked={settings.enabled}
          onChange={(e) => save.mutate({ enabled: e.currentTarget.checked })}
        />
        <Switch
          label="Hide other teams' names"
          checked={settings.hideNames}
          onChange={(e) => save.mutate({ hideNames: e.currentTarget.checked })}
        />
      </Group>
      {save.isError && (
        <Alert color="red" mt="sm">
          {save.error.message}
        </Alert>
      )}
    </Paper>
  );
}
