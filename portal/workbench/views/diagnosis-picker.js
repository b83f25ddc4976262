// Type-ahead over the curated diagnosis list (searchDiagnoses), as an ARIA 1.2 combobox: type to
// search, Down/Up move through the matches, Enter takes one, Escape closes the list.

import { api } from '/shared/api.js';
import { h, uid } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const DEBOUNCE_MS = 150;

/**
 * @param onPick called with the chosen {code, name, icd10}
 * @returns {{root, input, setError, set(diagnosis|null), value()}}
 */
export function diagnosisPicker(app, { label, name, hint, onPick, keepText = true }) {
  const inputId = uid(name);
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  let chosen = null;
  let matches = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const input = h('input', {
    id: inputId, name, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-describedby': hintId,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo__list', 'aria-label': t('picker.matchesOf', { label }), hidden: true });
  const status = h('p', { class: 'visually-hidden', role: 'status' });
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const root = h('div', { class: 'field combo' },
    h('label', { for: inputId }, label),
    h('p', { id: hintId, class: 'hint' }, hint ?? t('picker.hint')),
    error, input, list, status);

  const show = (open) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) { active = -1; input.removeAttribute('aria-activedescendant'); }
  };

  const draw = () => {
    list.replaceChildren(...matches.map((d, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', class: 'combo__option', 'aria-selected': String(i === active), 'data-code': d.code,
      onmousedown: (event) => event.preventDefault(), // keep focus in the input
      onclick: () => take(i),
    }, h('span', {}, d.name), h('span', { class: 'combo__code' }, d.icd10))));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const search = async () => {
    const q = input.value.trim();
    const ticket = ++asked;
    try {
      const result = await api(`/diagnoses?${new URLSearchParams({ q, limit: '8' })}`, { identity: app.identity });
      if (ticket !== asked) return; // an older answer arriving late
      matches = result.diagnoses;
      active = matches.length ? 0 : -1;
      draw();
      show(true);
      status.textContent = matches.length ? t('picker.count', { count: matches.length }) : t('picker.none');
      if (!matches.length) list.replaceChildren(h('li', { class: 'combo__none', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, t('picker.noneText')));
    } catch (e) {
      if (ticket === asked) { status.textContent = t('picker.failed'); show(false); }
    }
  };

  const take = (i) => {
    const d = matches[i];
    if (!d) return;
    show(false);
    if (keepText) {
      chosen = d;
      input.value = describe(d);
    } else {
      input.value = '';
    }
    onPick?.(d);
  };

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) { search(); return; }
      if (!matches.length) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + matches.length) % matches.length;
      draw();
    } else if (event.key === 'Enter' && !list.hidden && active >= 0 && !event.ctrlKey) {
      event.preventDefault();
      take(active);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      event.stopPropagation();
      show(false);
    }
  });
  input.addEventListener('blur', () => setTimeout(() => show(false), 100));

  return {
    root,
    input,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${errorId} ${hintId}`);
      } else {
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', hintId);
      }
    },
    set(diagnosis) {
      chosen = diagnosis;
      input.value = diagnosis ? describe(diagnosis) : '';
    },
    value: () => chosen,
  };
}

export function describe(d) {
  return d.icd10 ? `${d.name} (${d.icd10})` : d.name ?? d.code;
}
