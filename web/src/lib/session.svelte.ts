import type { Locale, Me, Session } from '@partnera/server/api-types';
import { authApi, meApi, onSessionRefreshed, refreshSession, setAccessToken } from './api';
import { i18n, isLocale } from './i18n/index.svelte';
import { forgetUnsentChanges } from './proposals/unsent-store';

let user = $state<Me | null>(null);
let ready = $state(false);

/** The signed-in user (null when signed out) and whether the initial session check has finished. */
export const session = {
  get user(): Me | null {
    return user;
  },
  get ready(): boolean {
    return ready;
  },
  get signedIn(): boolean {
    return user !== null;
  },
  get isAdmin(): boolean {
    return user?.platformRole === 'admin';
  },
};

// A background refresh (after a 401) may find the session gone or renewed.
onSessionRefreshed((s) => {
  user = s ? s.user : null;
});

function applySession(s: Session, adoptLocale: boolean): void {
  setAccessToken(s.accessToken);
  user = s.user;
  if (adoptLocale && isLocale(s.user.locale)) i18n.locale = s.user.locale;
}

/** Restores a session from the refresh cookie at app start. */
export async function restoreSession(): Promise<void> {
  try {
    const s = await refreshSession();
    if (s) applySession(s, true);
  } catch {
    // Server unreachable: continue signed out; pages show their own errors.
  } finally {
    ready = true;
  }
}

export async function login(email: string, password: string): Promise<Me> {
  const s = await authApi.login({ email, password });
  applySession(s, true);
  return s.user;
}

export async function register(email: string, password: string, displayName: string): Promise<Me> {
  const s = await authApi.register({ email, password, displayName, locale: i18n.locale });
  applySession(s, false);
  return s.user;
}

export async function logout(): Promise<void> {
  try {
    await authApi.logout();
  } catch {
    // Even if the server call fails, forget the session locally.
  }
  setAccessToken(null);
  user = null;
  forgetUnsentChanges();
}

/** Re-reads /me, e.g. after joining or leaving an organisation. */
export async function reloadMe(): Promise<void> {
  if (!user) return;
  user = await meApi.get();
}

export function setUser(me: Me): void {
  user = me;
}

/** Switches the UI language and, when signed in, stores it on the account. */
export async function changeLocale(locale: Locale): Promise<void> {
  i18n.locale = locale;
  if (user && user.locale !== locale) {
    try {
      user = await meApi.update({ locale });
    } catch {
      // The UI already switched; the account keeps its old preference until the next change.
    }
  }
}
