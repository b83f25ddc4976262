// A tiny translation layer: one flat JSON dictionary per language ("intake.title": "..."),
// `{name}` placeholders, English as the fallback for a key a translation lacks. The language is
// one the clinic offers: the patient's own choice if they made one, else the browser's first
// match, else the clinic's first language.

const CHOICE_KEY = 'dermrelay.language';
const FALLBACK = 'en';

const state = { language: FALLBACK, dictionary: {}, fallback: {} };
const loaded = new Map();

/**
 * The language to use.
 * @param offered the clinic's languages, e.g. ['en', 'es'] (first is the clinic's default)
 * @param env {stored, browser}: a saved choice and navigator.languages, for tests
 */
export function chooseLanguage(offered, env = {}) {
  const languages = Array.isArray(offered) && offered.length ? offered.map(base) : [FALLBACK];
  const stored = env.stored !== undefined ? env.stored : readChoice();
  if (stored && languages.includes(base(stored))) return base(stored);
  const browser = env.browser ?? (navigator.languages?.length ? navigator.languages : [navigator.language]);
  const match = (browser ?? []).map(base).find((language) => languages.includes(language));
  return match ?? languages[0];
}

/** Loads `{dir}/{language}.json` (and English, as the fallback) and makes it current. */
export async function useLanguage(dir, language) {
  const [dictionary, fallback] = await Promise.all([load(dir, language), load(dir, FALLBACK)]);
  state.language = language;
  state.dictionary = dictionary;
  state.fallback = fallback;
  document.documentElement.lang = language;
}

/**
 * Starts fetching `{dir}/{language}.json` without waiting for it, so it arrives alongside the
 * configuration instead of after it; a failure is left for useLanguage to meet and report.
 */
export function prefetchLanguage(dir, language) {
  load(dir, language).catch(() => {});
}

/** Remembers the patient's choice on this device (a language code, nothing personal). */
export function rememberChoice(language) {
  try {
    window.localStorage.setItem(CHOICE_KEY, language);
  } catch (e) {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export function currentLanguage() {
  return state.language;
}

/** The text for `key` with `{placeholders}` filled; the key itself if no dictionary has it. */
export function t(key, values = {}) {
  const template = state.dictionary[key] ?? state.fallback[key];
  if (typeof template !== 'string') {
    console.warn('dermrelay: no text for', key);
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Whether a text exists for `key` (e.g. a translated photo finding). */
export function has(key) {
  return typeof (state.dictionary[key] ?? state.fallback[key]) === 'string';
}

/** A date (and time) in the current language's way of writing it. */
export function formatDateTime(iso, { time = true } = {}) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(state.language, time
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium' }).format(date);
}

function base(language) {
  return String(language ?? '').toLowerCase().split('-')[0];
}

function readChoice() {
  try {
    return window.localStorage.getItem(CHOICE_KEY);
  } catch (e) {
    return null;
  }
}

async function load(dir, language) {
  const url = `${dir}/${language}.json`;
  if (!loaded.has(url)) {
    loaded.set(url, fetch(url, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json();
    }).catch((error) => {
      loaded.delete(url);
      throw error;
    }));
  }
  return loaded.get(url);
}
