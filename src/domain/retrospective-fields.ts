/**
 * A retrospective's co-edited texts: each is a Y.Text of this name in its Y.Doc. The browser and the server use the
 * same names; lessons are written one per line with #tags (see lessonsFromLines).
 */
export const RETROSPECTIVE_TEXTS = ['wentWell', 'wentBadly', 'rootCauses', 'lessons'] as const;
export type RetrospectiveText = (typeof RETROSPECTIVE_TEXTS)[number];
