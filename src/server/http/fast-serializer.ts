/**
 * For large read responses already shaped by a presenter: plain JSON.stringify instead of
 * encoding through the zod schema (which stays on the route for validation-free docs).
 * Measured on a 2,060-objective tree: the zod encode took ~0.7 s of a 1.2 s response.
 */
export const plainJsonSerializer = () => (data: unknown) => JSON.stringify(data);
