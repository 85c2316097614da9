import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { setSurveySchedule, surveyKeys, type SurveyListItem } from '../../api/surveys.js';

export const SCHEDULES = [
  { value: 'once', label: 'Once' },
  { value: 'monthly', label: 'Every month' },
  { value: 'cycle_end', label: 'At the end of each cycle' },
];
const labelOf = (schedule: string) => SCHEDULES.find((s) => s.value === schedule)?.label ?? schedule;

/**
 * How a survey repeats, for the Surveys table: its round, and on a series' latest round the day the next one opens
 * and "Stop repeating" (the rounds so far keep their results).
 */
export function SurveySchedule({ survey, latest }: { survey: SurveyListItem; latest: boolean }) {
  const stop = useApiMutation(() => setSurveySchedule(survey.id, 'once'), [surveyKeys.all]);
  const repeats = survey.schedule !== 'once' && latest;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {labelOf(survey.schedule)}
        {(survey.schedule !== 'once' || survey.round > 1) && ` · round ${survey.round}`}
      </Text>
      {repeats && (
        <>
          <Text size="xs" c="dimmed">
            {survey.nextRoundOn ? `Next round ${survey.nextRoundOn}` : 'Next round when a cycle ends'}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            w="fit-content"
            loading={stop.isPending}
            aria-label={`Stop repeating ${survey.title}`}
            onClick={() =>
              stop.mutate(undefined, {
                onSuccess: () => notifications.show({ color: 'green', title: 'Stopped', message: `${survey.title} will not repeat.` }),
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Not changed', message: e instanceof ApiError ? e.message : String(e) }),
              })
            }
          >
            Stop repeating
          </Button>
        </>
      )}
    </Stack>
  );
}
