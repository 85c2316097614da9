import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../api/client.js';

/**
 * Submits a Mantine form through an API call and puts the server's field errors on the fields;
 * an error without a field shows as the form's message.
 */
export function useApiSubmit<T>(form: UseFormReturnType<T>, submit: (values: T) => Promise<unknown>) {
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
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
    } finally {
      setBusy(false);
    }
  });
  return { onSubmit, formError, busy };
}
