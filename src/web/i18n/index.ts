// i18next set-up: Dutch by default, English switchable. The choice is kept in localStorage
// (and, when logged in, on the account through PATCH /api/me; see shared/session.tsx).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useSyncExternalStore } from 'react';
import { coreEn, coreNl } from './core';
import type { Locale } from '../shared/types';

export const LOCALE_KEY = 'koers.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // private mode or storage disabled: the choice then lasts for this page only
  }
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl';
}

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng === 'en' ? 'en' : 'nl';
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: coreNl }, en: { translation: coreEn } },
  lng: storedLocale(),
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

applyDocumentLanguage(i18n.language);

// The texts behind the login come as one chunk, loaded once (and again after a failed attempt).
let loaded = false;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadCatalogues(): Promise<void> {
  loading ??= import('./rest').then(
    ({ restEn, restNl }) => {
      i18n.addResourceBundle('nl', 'translation', restNl, true, true);
      i18n.addResourceBundle('en', 'translation', restEn, true, true);
      loaded = true;
      listeners.forEach((l) => l());
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** True once the texts behind the login are there (the menu waits for them). */
export function useCatalogues(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => loaded,
  );
}
i18n.on('languageChanged', applyDocumentLanguage);

export default i18n;
