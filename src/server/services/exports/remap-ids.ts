import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 9562 version 5: the same name in the same namespace always gives the same id. */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * How an imported document's ids become the new organisation's: every id (any uuid, and the people's
 * ids) maps to a uuid derived from it and the target organisation, so the same document imported into
 * two organisations never collides, and anyone holding both documents can check the mapping. Fixed
 * ids (the organisation itself, the importing person) map to the rows that already exist.
 */
export function idRemapper(targetOrgId: string, fixed: Map<string, string>, personIds: Set<string>) {
  const remapId = (value: string): string => {
    const pinned = fixed.get(value);
    if (pinned) return pinned;
    return UUID.test(value) || personIds.has(value) ? uuidV5(value.toLowerCase(), targetOrgId) : value;
  };
  const remap = (value: unknown): unknown => {
    if (typeof value === 'string') return remapId(value);
    if (Array.isArray(value)) return value.map(remap);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v)]));
    return value;
  };
  return { remapId, remap };
}
