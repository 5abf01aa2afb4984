/**
 * Proposal changes the server has not confirmed yet, kept in this browser's storage: closing the tab (or the
 * browser) while offline then loses nothing, and the next visit sends them with the usual state exchange.
 * Keyed by user, so another account on the same browser never merges someone else's draft.
 */
const PREFIX = 'partnera.proposal-unsent.';

export interface UnsentStore {
  load(): Uint8Array | null;
  save(update: Uint8Array | null): void;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function unsentStore(userId: string, proposalId: string): UnsentStore {
  const key = `${PREFIX}${userId}.${proposalId}`;
  return {
    load() {
      try {
        const text = localStorage.getItem(key);
        return text ? fromBase64(text) : null;
      } catch {
        return null;
      }
    },
    save(update) {
      try {
        if (update) localStorage.setItem(key, toBase64(update));
        else localStorage.removeItem(key);
      } catch {
        // Storage full or blocked: the changes still go out while the tab stays open.
      }
    },
  };
}

/** Signing out forgets every kept draft, so the next person at this browser finds none. */
export function forgetUnsentChanges(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing kept, or storage blocked.
  }
}
