/** The reactions people can leave on comments and check-ins: a small, friendly set shared by server and browser. */
export const REACTION_EMOJIS = ['👍', '🎉', '❤️', '👀', '🙏'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];
