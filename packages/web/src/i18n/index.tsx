import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import en from './en.json';

/**
 * Minimal i18n layer. Every user-visible string lives in a JSON catalogue
 * (`en.json` is the reference). Adding a language means adding one more JSON
 * file with the same shape and registering it in `catalogues` below; missing
 * keys fall back to English.
 */
export type Messages = typeof en;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

type PluralPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : T[K] extends { other: string } ? `${P}${K}` : PluralPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Keys whose value is an object of plural forms ({ one, other, … } as in Intl.PluralRules). */
export type PluralKey = PluralPaths<Messages>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

type Catalogue = { [key: string]: string | Catalogue };

const catalogues: Record<string, Catalogue> = { en };
export const defaultLocale = 'en';
const STORAGE_KEY = 'cs-locale';

function lookup(catalogue: Catalogue | undefined, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

export function translate(locale: string, key: MessageKey, params?: Params): string {
  const text = lookup(catalogues[locale], key) ?? lookup(catalogues[defaultLocale], key) ?? key;
  return interpolate(text, params);
}

/** Pick the plural form for `count` (CLDR categories), falling back to "other". `{count}` is available. */
export function translatePlural(locale: string, key: PluralKey, count: number, params?: Params): string {
  const rule = new Intl.PluralRules(locale).select(count);
  const all = { count, ...params };
  const form = `${key}.${rule}`;
  const text = lookup(catalogues[locale], form) ?? lookup(catalogues[defaultLocale], form);
  return text !== undefined ? interpolate(text, all) : translate(locale, `${key}.other` as MessageKey, all);
}

/** True when `key` exists in the catalogue (used for data-driven keys such as permission groups). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(catalogues[defaultLocale], key) !== undefined;
}

function initialLocale(): string {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && stored in catalogues) return stored;
  } catch {
    // storage unavailable: ignore
  }
  const browser = navigator.language.split('-')[0] ?? defaultLocale;
  return browser in catalogues ? browser : defaultLocale;
}

let currentLocale = defaultLocale;

/** Translate outside React components (uses the active locale). */
export const t: Translate = (key, params) => translate(currentLocale, key, params);

interface I18nValue {
  locale: string;
  locales: string[];
  setLocale: (locale: string) => void;
  t: Translate;
  tp: (key: PluralKey, count: number, params?: Params) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);
  currentLocale = locale;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: string) => {
    if (!(next in catalogues)) return;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    const fmt = (f: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
      if (!iso) return translate(locale, 'common.none');
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      locale,
      locales: Object.keys(catalogues),
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tp: (key, count, params) => translatePlural(locale, key, count, params),
      formatDateTime: fmt(dateTime),
      formatDate: fmt(date),
      formatNumber: (v) => number.format(v),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}

export function useT(): Translate {
  return useI18n().t;
}
