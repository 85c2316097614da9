import pg from 'pg';

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * The SQL statements `request` sends through node-postgres (pg.Client#query), in order: PostgreSQL only. `onConfig`
 * sees each query config sent as an object (its `name`, for a named statement).
 */
export async function statementsOf(
  request: () => Promise<unknown>,
  onConfig?: (config: { text?: string; name?: string }) => void,
): Promise<string[]> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    statements.push(typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?'));
    if (first && typeof first === 'object') onConfig?.(first as { text?: string; name?: string });
    return (original as unknown as Query).apply(this, args);
  };
  pg.Client.prototype.query = spy as unknown as typeof original;
  try {
    await request();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}
