import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The time-travel date in the address (`?asOf=YYYY-MM-DD`), or null for today. */
export function useAsOf(): string | null {
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  return asOf && ISO_DATE.test(asOf) ? asOf : null;
}

/**
 * A date picker that shows the organisation as it stood at the end of a past day. The date lives in
 * the address, so a time-travel view can be shared and the back button leaves it.
 */
export function TimeTravelPicker({ min, max }: { min?: string; max?: string }) {
  const [params, setParams] = useSearchParams();
  const asOf = useAsOf();
  const travel = (date: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (date) next.set('asOf', date);
        else next.delete('asOf');
        return next;
      },
      { replace: false },
    );
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        type="date"
        label="As of"
        description="See the OKRs as they stood that day"
        value={asOf ?? ''}
        min={min}
        max={max}
        onChange={(event) => travel(ISO_DATE.test(event.currentTarget.value) ? event.currentTarget.value : null)}
        w={190}
      />
      {asOf && (
        <Button variant="light" size="sm" onClick={() => travel(null)}>
          Back to today
        </Button>
      )}
      {params.get('asOf') && asOf && (
        <Alert color="blue" variant="light" py={6} role="status" style={{ flexBasis: '100%' }}>
          Time travel: showing progress and status as of the end of {asOf}. Nothing can be changed here.
        </Alert>
      )}
    </Group>
  );
}
