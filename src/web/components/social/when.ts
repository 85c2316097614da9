/** A moment as people read it here: "21 Nov 2026, 10:12", in their locale and time zone. */
export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
