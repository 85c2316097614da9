/**
 * What identity providers send over SCIM, made exact before the SCIM library reads it. Microsoft Entra
 * sends `active` as the string "True"/"False" in PATCH operations (its documented quirk); SCIM's own
 * schema says boolean, so the string is turned into one. Unknown attributes of a POST or PUT are named (the library
 * drops them silently), so the request is refused rather than reported as a success.
 */

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** "True"/"false" (any case) become booleans; anything else is left for schema validation to judge. */
const asBoolean = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const lowered = value.toLowerCase();
  return lowered === 'true' ? true : lowered === 'false' ? false : value;
};

/** Entra's `{"op":"Replace","path":"active","value":"False"}` and `{"op":"replace","value":{"active":"False"}}`. */
export function normalizePatchOperation(operation: PatchOperation): PatchOperation {
  if (operation.path !== undefined) {
    return operation.path.toLowerCase() === 'active' ? { ...operation, value: asBoolean(operation.value) } : operation;
  }
  if (!isRecord(operation.value)) return operation;
  const value = Object.fromEntries(
    Object.entries(operation.value).map(([key, v]) => [key, key.toLowerCase() === 'active' ? asBoolean(v) : v]),
  );
  return { ...operation, value };
}

/** Attribute names are case-insensitive in SCIM (RFC 7643 §2.1). */
export function unknownAttributes(resource: Record<string, unknown>, known: readonly string[]): string[] {
  const names = new Set(known.map((name) => name.toLowerCase()));
  return Object.keys(resource).filter((key) => !names.has(key.toLowerCase()));
}

/**
 * Cairn keeps one address per person, the one they sign in with. Identity providers send it twice, as
 * `userName` and as the work e-mail (Entra maps userPrincipalName and mail), and change either alone
 * (Entra's PATCH of `emails[type eq "work"].value`): whichever differs from the current address moves it,
 * userName first.
 */
export function nextAddress(current: string, userName: string, workEmail?: string): string {
  const differs = (address: string) => address.trim().toLowerCase() !== current.trim().toLowerCase();
  if (differs(userName)) return userName;
  if (workEmail !== undefined && workEmail.trim() !== '' && differs(workEmail)) return workEmail;
  return current;
}

/** The work address of a SCIM `emails` list: the `work` one, else the primary one, else the first. */
export function workEmailOf(emails: readonly { value?: string; type?: string; primary?: boolean }[] | undefined): string | undefined {
  if (!emails?.length) return undefined;
  return (emails.find((e) => e.type?.toLowerCase() === 'work') ?? emails.find((e) => e.primary) ?? emails[0])?.value;
}

const VALUELESS_COMPARISON = /\b(eq|ne|co|sw|ew|gt|ge|lt|le)\s*(?=$|\)|\s(?:and|or)\b)/i;

/**
 * The operator of a comparison sent without its value (`userName eq`), or undefined. The SCIM library
 * reads one as a presence test and would answer an empty list; RFC 7644 §3.4.2.2 requires the value.
 */
export function valuelessComparison(filter: string): string | undefined {
  const unquoted = filter.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return VALUELESS_COMPARISON.exec(unquoted)?.[1];
}
