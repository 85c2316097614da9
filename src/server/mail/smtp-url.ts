/** SMTP_URL is checked at start, so a typo stops `cairn serve` with a clear message instead of failing every e-mail later. */
export class SmtpUrlError extends Error {
  readonly field = 'SMTP_URL';
}

/** What is wrong with an SMTP_URL, or null. The value is never echoed: it usually holds a password. */
export function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'SMTP_URL is not a valid URL: use smtp://user:password@host:587 or smtps://user:password@host:465 (percent-encode special characters in the password).';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//.`;
  if (!url.hostname) return 'SMTP_URL has no host: use smtp://user:password@host:587.';
  if (url.port && !(Number(url.port) >= 1 && Number(url.port) <= 65535)) return 'SMTP_URL has a port outside 1–65535.';
  return null;
}

export function assertSmtpUrl(value: string | undefined): void {
  if (value === undefined) return;
  const problem = smtpUrlProblem(value);
  if (problem) throw new SmtpUrlError(problem);
}
