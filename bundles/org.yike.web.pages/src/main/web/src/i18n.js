// The pages' languages (issue 17): Chinese first, English second. The words are vue-i18n messages
// (locales/zh-CN.js and locales/en.js, the same keys); the language is the one the user picked on these
// pages (kept in localStorage), else the browser's first (zh… is Chinese, anything else English). The
// .js helpers word their labels through t, which reads the language each time it is called, so what a
// page renders with them follows a switch. The server's own words (its errors) stay as it sends them.
import { createI18n } from 'vue-i18n';
import en from './locales/en.js';
import zhCN from './locales/zh-CN.js';

/** The languages offered, each named in itself; the first is the default. */
export const LANGUAGES = [{ code: 'zh-CN', name: '中文' }, { code: 'en', name: 'English' }];
const SAVED = 'yike.language';

export const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } });
export const { t } = i18n.global;

/** The language shown: zh-CN or en. */
export const language = () => i18n.global.locale.value;

/** The language to start with: saved when it is one of LANGUAGES, else by the browser's first language. */
export function pickLanguage(saved, browser = []) {
  if (LANGUAGES.some((l) => l.code === saved)) return saved;
  const first = browser[0];
  return !first || /^zh/i.test(first) ? 'zh-CN' : 'en';
}

// storage can be refused (a browser set to keep no site data): the language then lasts the visit
function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Shows the pages in code (their words and <html lang>); remember: the user picked it, keep it for next time. */
export function setLanguage(code, remember = false) {
  i18n.global.locale.value = code;
  if (globalThis.document) document.documentElement.lang = code;
  if (remember) storage()?.setItem(SAVED, code);
}

/** The language the pages start in, from what was saved and the browser's languages. */
export const startLanguage = () => setLanguage(pickLanguage(storage()?.getItem(SAVED), globalThis.navigator?.languages ?? []));
