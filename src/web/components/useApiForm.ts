import { useEffect, useRef, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../api/client.js';

/** The first problem shown in a form, in page order: an invalid field or the form's alert. */
const FIRST_PROBLEM = '[aria-invalid="true"], [role="alert"]';

/**
 * Submits a Mantine form through an API call and puts the server's field errors on the fields;
 * an error without a field shows as the form's message. A refusal is shown where the person is
 * looking: the first problem scrolls into view (inside a dialog too) and takes the focus.
 */
export function useApiSubmit<T>(form: UseFormReturnType<T>, submit: (values: T) => Promise<unknown>) {
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const formElement = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (refusals === 0) return;
    const problem = formElement.current?.querySelector<HTMLElement>(FIRST_PROBLEM);
    if (!problem) return;
    if (problem.tabIndex < 0 && !problem.matches('input, textarea, select, button')) problem.tabIndex = -1;
    problem.scrollIntoView?.({ block: 'center' });
    problem.focus({ preventScroll: true });
  }, [refusals]);
  const onSubmit = form.onSubmit(async (values, event) => {
    formElement.current = event?.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
    setFormError(null);
    setBusy(true);
    try {
      await submit(values);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        const known = Object.fromEntries(Object.entries(error.fieldErrors()).filter(([field]) => field in (form.getValues() as object)));
        form.setErrors(known);
        if (Object.keys(known).length === 0) setFormError(error.message);
      } else setFormError(error instanceof Error ? error.message : 'Something went wrong.');
      setRefusals((n) => n + 1);
    } finally {
      setBusy(false);
    }
  });
  return { onSubmit, formError, busy };
}
