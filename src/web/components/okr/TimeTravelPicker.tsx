import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DateInputOnDemand } from '../on-demand/DateInputOnDemand.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Earlier days are a year still being typed ("0002", "0020", "0202"), not a day anyone travels to. */
const PLAUSIBLE_FROM = '1900-01-01';

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
  // What is being typed, until it is a whole date: typing a year digit by digit passes through "0002-11-20", which is
  // a valid value but not the day meant, and travelling to it would reset the field under the keyboard.
  const [draft, setDraft] = useState<string | null>(null);
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
      <DateInputOnDemand
        label="As of"
        placeholder="Today"
        description="See the OKRs as they stood that day"
        value={draft ?? asOf ?? ''}
        min={min}
        max={max}
        onChange={(event) => {
          const day = event.currentTarget.value;
          const whole = day === '' || (ISO_DATE.test(day) && day >= PLAUSIBLE_FROM);
          setDraft(whole ? null : day);
          if (whole) travel(day || null);
        }}
        w={190}
      />
      {asOf && (
        <Button
          variant="light"
          size="sm"
          onClick={() => {
            setDraft(null);
            travel(null);
          }}
        >
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
