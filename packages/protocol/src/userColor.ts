// Colours for people in the plan, set by the server on each person's presence and used by the web app alike. Each is dark enough for white text (contrast at least 4.5:1) and distinct
// from its neighbours, so two people side by side are told apart.
export const USER_COLORS = [
  '#1f5fa8',
  '#a3294a',
  '#2b6b2e',
  '#8a4b00',
  '#6a3fb5',
  '#00697a',
  '#b3261e',
  '#4a5568',
  '#7a3f7a',
  '#2d5f5d',
] as const;

/** A stable colour for a user id (the same person has the same colour in every session). */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length] as string;
}
