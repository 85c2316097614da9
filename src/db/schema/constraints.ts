import { sql } from 'drizzle-orm';
import { check, timestamp, type PgColumn } from 'drizzle-orm/pg-core';

/** CHECK that a text column holds one of the vocabulary's values (src/domain/vocabulary.ts). */
export function oneOf(name: string, column: PgColumn, values: readonly string[]) {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
  return check(name, sql`${column} in (${sql.raw(list)})`);
}

/** CHECK that a nullable confidence is a whole number from 0 to 10. */
export function confidenceRange(name: string, column: PgColumn) {
  return check(name, sql`${column} between 0 and 10`);
}

/** updated_at moves on every update made through Drizzle, so services never set it by hand. */
export function updatedAt() {
  return timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
}
