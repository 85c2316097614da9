/**
 * A PostgreSQL array literal (`{a,b,NULL}`) passed as one parameter and cast in SQL (`${pgArray(ids)}::uuid[]`):
 * drizzle would spread a JavaScript array into a row of parameters, one per element, so each list length would be a
 * new statement to plan. For ids, numbers, booleans and dates only: commas, quotes and braces are not escaped.
 */
export const pgArray = (values: readonly (string | number | boolean | null)[]): string =>
  `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
