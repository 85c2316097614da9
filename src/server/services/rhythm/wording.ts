/** How rhythm messages say moments and lists; plain text, readable in an e-mail and in Slack. */

/** "Monday 17 February, 10:00 (Europe/Paris)" */
export function sayMoment(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text.replace(/ at /, ', ')} (${timeZone})`;
}

/** "17 February" for a YYYY-MM-DD date. */
export function sayDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${date}T00:00:00Z`));
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const bullets = (lines: string[]) => lines.map((line) => `• ${line}`).join('\n');

export const percentOf = (fraction: number) => `${Math.round(fraction * 100)}%`;
