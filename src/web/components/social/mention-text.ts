/**
 * Mentions travel as `@[Name](userId)` (src/server/services/social/mentions.ts). People type and
 * read `@Name`; these helpers convert between the two and find the `@…` being typed.
 */
export interface Person {
  id: string;
  name: string;
}

const TOKEN = /@\[([^\]\n]{1,120})\]\(([A-Za-z0-9_-]{1,64})\)/g;

/** Splits a body into text and mentions, for rendering. */
export function segments(body: string): ({ text: string } | { mention: Person })[] {
  const parts: ({ text: string } | { mention: Person })[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ mention: { name: match[1]!, id: match[2]! } });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** The body as it is edited: `@Name`, with the people it mentions. */
export function toEditable(body: string): { text: string; people: Person[] } {
  const people = [...body.matchAll(TOKEN)].map((m) => ({ name: m[1]!, id: m[2]! }));
  return { text: body.replace(TOKEN, (_token, name: string) => `@${name}`), people };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Turns `@Name` back into tokens for the people picked while typing; longer names first, so "Ann Lee" beats "Ann". */
export function toBody(text: string, people: Person[]): string {
  const byLength = [...new Map(people.map((p) => [p.id, p])).values()].sort((a, b) => b.name.length - a.name.length);
  let body = text;
  for (const person of byLength) {
    body = body.replace(
      new RegExp(`(^|[^\\w\\]])@${escape(person.name)}(?![\\w])`, 'g'),
      (_all, before: string) => `${before}@[${person.name}](${person.id})`,
    );
  }
  return body;
}

/** The `@query` ending at the caret, if one is being typed: where it starts and what it says so far. */
export function typedMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{M}'’-]*(?: [\p{L}\p{M}'’-]*)?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** People whose name, or a word of it, starts with the query. */
export function matchingPeople(people: Person[], query: string, limit = 6): Person[] {
  const q = query.trim().toLowerCase();
  return people
    .filter(
      (p) =>
        p.name.toLowerCase().startsWith(q) ||
        p.name
          .toLowerCase()
          .split(/\s+/)
          .some((word) => word.startsWith(q)),
    )
    .slice(0, limit);
}
