// The logged-in user (GET /api/me) and the language choice, shared by the whole app.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import i18n from 'i18next';
import { api, ApiError, onSessionProblem } from './api';
import { setServerToday } from './format';
import type { Locale, Me, Role } from './types';
import { storeLocale } from '../i18n';

type Status = 'loading' | 'ready' | 'error';

type SessionValue = {
  me: Me | null;
  status: Status;
  /** Reloads /api/me; resolves with the user or null when not logged in. */
  refresh: () => Promise<Me | null>;
  /** Called after a successful login: loads the user and settles the language. */
  loggedIn: () => Promise<Me | null>;
  logout: () => Promise<void>;
  setLanguage: (locale: Locale) => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  /** True when the language was switched while logged out: the login then keeps that choice. */
  const chosenWhileLoggedOut = useRef(false);

  const load = useCallback(async (): Promise<Me | null> => {
    try {
      const next = await api.get<Me>('/api/me', { quiet: true });
      setServerToday(next.today);
      setMe(next);
      setStatus('ready');
      return next;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        setMe(null);
        setStatus('ready');
        return null;
      }
      setStatus('error');
      throw err;
    }
  }, []);

  const applyUserLocale = useCallback(async (user: Me) => {
    if (user.locale !== i18n.language) {
      await i18n.changeLanguage(user.locale);
      storeLocale(user.locale);
    }
  }, []);

  const refresh = useCallback(async () => {
    const user = await load();
    if (user) await applyUserLocale(user);
    return user;
  }, [load, applyUserLocale]);

  const loggedIn = useCallback(async () => {
    const user = await load();
    if (!user) return null;
    const shown: Locale = i18n.language === 'en' ? 'en' : 'nl';
    if (chosenWhileLoggedOut.current && shown !== user.locale) {
      try {
        const updated = await api.patch<Me>('/api/me', { locale: shown });
        setMe(updated);
        chosenWhileLoggedOut.current = false;
        return updated;
      } catch {
        // keep the shown language even if it could not be saved
        return user;
      }
    }
    chosenWhileLoggedOut.current = false;
    await applyUserLocale(user);
    return user;
  }, [load, applyUserLocale]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { quiet: true });
    } finally {
      setMe(null);
    }
  }, []);

  const setLanguage = useCallback(
    async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      storeLocale(locale);
      if (me) {
        try {
          const updated = await api.patch<Me>('/api/me', { locale });
          setMe(updated);
        } catch {
          // the language still changes in this browser
        }
      } else {
        chosenWhileLoggedOut.current = true;
      }
    },
    [me],
  );

  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  // A 401 on any call means the session ended (expired, revoked after a password change elsewhere);
  // an MFA error means the account state changed: reload /api/me so the guards route correctly.
  useEffect(
    () =>
      onSessionProblem((err) => {
        if (err.status === 401) setMe(null);
        else void load().catch(() => undefined);
      }),
    [load],
  );

  const value = useMemo<SessionValue>(
    () => ({ me, status, refresh, loggedIn, logout, setLanguage }),
    [me, status, refresh, loggedIn, logout, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for pages behind the login guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}

export const STAFF_ROLES: Role[] = ['teacher', 'mentor', 'subject_teacher'];
export const WHOLE_SCHOOL_ROLES: Role[] = ['care_coordinator', 'director', 'board'];

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.roles.some((r) => roles.includes(r.role));
}

/** Schools the user may set up (admin). */
export function managedSchools(me: Me) {
  return me.schools.filter((s) => s.canManage);
}

/** The school's own name for the care coordinator role, e.g. "Intern begeleider" or "Zorgcoördinator". */
export function careLabel(me: Me | null, schoolId: number | null | undefined): string | null {
  if (!me) return null;
  const school = me.schools.find((s) => s.id === schoolId) ?? (me.schools.length === 1 ? me.schools[0] : undefined);
  return school?.careCoordinatorLabel ?? null;
}
