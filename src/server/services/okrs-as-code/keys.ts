/** A readable key from a title ("Grow the business!" → "grow-the-business"), made unique against `taken` (which it joins). */
export function uniqueKey(proposal: string, taken: Set<string>): string {
  const slug =
    proposal
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'okr';
  let key = slug;
  for (let n = 2; taken.has(key); n++) key = `${slug}-${n}`;
  taken.add(key);
  return key;
}
