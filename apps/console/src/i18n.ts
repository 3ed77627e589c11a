/**
 * Words of the console, Vietnamese first (the terms of the law and of the statistics forms), English on request.
 * The choice is kept in localStorage; `t` falls back to the key so a missing word shows, never breaks the page.
 */
import type { Lang } from './format.js';
import { EN } from './words-en.js';
import { VI } from './words-vi.js';

const STORAGE_KEY = 'thads.lang';

export function currentLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** The word for `key` in the current language. */
export function t(key: string): string {
  const words = currentLang() === 'en' ? EN : VI;
  return words[key] ?? VI[key] ?? key;
}

/** A coded value (a status, an event type, an error code) in words, or the code itself when it has none. */
export function label(
  kind: 'status' | 'event' | 'error' | 'complaint' | 'role' | 'authority' | 'chain',
  code: string,
): string {
  const words = currentLang() === 'en' ? EN : VI;
  return words[`${kind}.${code}`] ?? code;
}
