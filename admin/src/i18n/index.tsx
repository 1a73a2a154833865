import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { ko } from './ko';

/** The shape of the texts: `ko.ts` with every leaf widened to string. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ko>;

/** Dotted paths to the leaves, e.g. 'servants.columns.name'. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<Messages>;

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
const catalogs: Record<Lang, Messages> = { ko, en };
const STORAGE_KEY = 'kok.admin.lang';

/** The business calendar is Asia/Seoul whatever the browser's zone (see CONVENTIONS.md). */
export const TIME_ZONE = 'Asia/Seoul';

/** Looks a key up and fills `{placeholders}`. A missing key shows itself rather than nothing. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  let node: unknown = catalogs[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** Number and date formats of the language (Korean formats by default), always in Korea time. */
export function formatters(lang: Lang) {
  const locale = lang === 'ko' ? 'ko-KR' : 'en-GB';
  const number = new Intl.NumberFormat(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });
  // A LocalDate has no zone: read and print it at UTC so that it never shifts by a day.
  const localDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium' });
  const timeRange = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return {
    locale,
    number: (n: number | string) => number.format(typeof n === 'string' ? Number(n) : n),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** The day of an instant, in Korea time. */
    date: (iso: string) => date.format(new Date(iso)),
    time: (d: Date) => time.format(d),
    localDate: (ymd: string) => localDate.format(new Date(`${ymd}T00:00:00Z`)),
    /** "2027. 1. 5. 오전 10:00 – 오전 11:00" */
    slot: (startIso: string, endIso: string) => `${dateTime.format(new Date(startIso))} – ${timeRange.format(new Date(endIso))}`,
  };
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  fmt: ReturnType<typeof formatters>;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ko'; // Korean first, whatever the browser prefers
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params), fmt: formatters(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
