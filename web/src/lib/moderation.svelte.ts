import type { ModerationMe } from '@partnera/server/api-types';
import { moderationApi } from './api/forums';

let me = $state<ModerationMe | null>(null);

/** The signed-in person's moderation standing: for the nav entry and the "you are suspended" banner. */
export const moderationState = {
  get role() {
    return me?.role ?? 'member';
  },
  get isModerator(): boolean {
    return me !== null && me.role !== 'member';
  },
  get isPlatformStaff(): boolean {
    return me?.role === 'platform_moderator' || me?.role === 'admin';
  },
  get categoryIds(): string[] {
    return me?.categoryIds ?? [];
  },
  get suspended(): boolean {
    return me?.suspended ?? false;
  },
  get suspendedUntil(): string | null {
    return me?.suspendedUntil ?? null;
  },
};

export async function refreshModeration(): Promise<void> {
  try {
    me = await moderationApi.me();
  } catch {
    me = null;
  }
}

export function clearModeration(): void {
  me = null;
}
