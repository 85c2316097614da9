/** One fetch wrapper: JSON in and out, and problem+json turned into an ApiError the forms can show per field. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** Field → message, ready for a Mantine form's setErrors. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.errors.map((e) => [e.field, e.message]));
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const problem = (data ?? {}) as { type?: string; detail?: string; message?: string; errors?: FieldProblem[] };
    throw new ApiError(
      response.status,
      problem.type ?? 'unknown',
      problem.detail ?? problem.message ?? `Request failed (${response.status})`,
      problem.errors ?? [],
    );
  }
  return data as T;
}
