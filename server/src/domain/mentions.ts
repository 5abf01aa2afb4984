/** The most people one message may notify, so a mention cannot be used to spam a whole room. */
export const MAX_MENTIONS = 20;

const UUID_MENTION = /@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

export interface MentionCandidate {
  id: string;
  displayName: string;
}

/**
 * Who a text mentions: `@Display Name` (case-insensitive, ending at a word boundary; at each "@" the
 * longest matching name wins, so "@Ana Maria" is not also "@Ana") or `@<user id>`. Only candidates count.
 */
export function findMentions(text: string, candidates: MentionCandidate[], excludeId?: string): string[] {
  const lower = text.toLowerCase();
  const byId = new Map(candidates.map((c) => [c.id.toLowerCase(), c.id]));
  const names = candidates
    .map((c) => ({ id: c.id, name: c.displayName.trim().toLowerCase() }))
    .filter((c) => c.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    const match = names.find((c) => lower.startsWith(c.name, at + 1) && !WORD_CHAR.test(lower.charAt(at + 1 + c.name.length)));
    if (match) found.add(match.id);
  }
  for (const m of text.matchAll(UUID_MENTION)) {
    const id = byId.get(m[1]!.toLowerCase());
    if (id) found.add(id);
  }
  if (excludeId) found.delete(excludeId);
  return [...found].slice(0, MAX_MENTIONS);
}

/** User ids written as `@<uuid>` (to look them up before matching). */
export function mentionedIds(text: string): string[] {
  return [...new Set([...text.matchAll(UUID_MENTION)].map((m) => m[1]!.toLowerCase()))].slice(0, MAX_MENTIONS * 2);
}
