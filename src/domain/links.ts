/** Links on objectives and key results (and an initiative's link) go to the web, nowhere else. */
export function linkProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'Enter a full web address starting with https:// or http://.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return `Only http and https links are allowed, not ${parsed.protocol.replace(/:$/, '')}.`;
  if (!parsed.hostname) return 'Enter a web address with a host name.';
  return null;
}
