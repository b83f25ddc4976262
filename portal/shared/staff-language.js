// The language of the staff pages (workbench, console), on the patient portal's i18n layer: the
// saved choice or the browser's first language among those offered, a switch in the header, and
// the page's fixed texts (index.html) marked with data-i18n="key" (data-i18n-label for aria-label).

import { h } from './dom.js';
import { chooseLanguage, currentLanguage, rememberChoice, t, useLanguage } from './i18n.js';

/** Loads the dictionary of the language to use among `offered` and translates the fixed texts. */
export async function startLanguage(dir, offered) {
  await useLanguage(dir, chooseLanguage(offered));
  translateFixedTexts();
}

/** Puts the current language's text into every element marked with data-i18n / data-i18n-label. */
export function translateFixedTexts(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
}

/**
 * A button for each other language in `offered`, named in its own language; choosing one loads
 * it, remembers it on this device (a language code only) and calls `redraw`.
 */
export function languageSwitch(dir, offered, redraw) {
  const others = offered.filter((language) => language !== currentLanguage());
  if (others.length === 0) return null;
  return h('span', { class: 'language-switch', id: 'language-switch' }, others.map((language) => h('button', {
    type: 'button', class: 'button button--header', lang: language, 'data-language': language,
    onclick: async () => {
      rememberChoice(language);
      await useLanguage(dir, language);
      translateFixedTexts();
      redraw();
    },
  }, t(`language.${language}`))));
}
