/**
 * Slack's request bodies: slash commands are form fields, interactivity is a form field `payload`
 * holding JSON, the Events API is JSON. Parsed only after the signature over the raw text checked out.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): Record<string, unknown> | null {
  try {
    if (contentType?.startsWith('application/json')) {
      const json: unknown = JSON.parse(raw);
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
    }
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    if (payload !== null) {
      const json: unknown = JSON.parse(payload);
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
    }
    return Object.fromEntries(form);
  } catch {
    return null;
  }
}
