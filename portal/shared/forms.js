// Form building blocks with the accessibility wiring done once: labels, hints and errors tied to
// their inputs, an error summary that is announced and focusable, busy buttons.

import { h, uid } from './dom.js';
import { has, t } from './i18n.js';

/**
 * A labelled input (or, with `tag`, a textarea or select). Returns {root, input, setError(message|null)}.
 * @param options {label, name, type, hint, autocomplete, inputmode, required, ...input attributes;
 *   tag: 'input' | 'textarea' | 'select', options: a select's <option> nodes}
 */
export function field({ label, hint, tag = 'input', options = [], ...input }) {
  const inputId = uid(input.name ?? 'field');
  const hintId = hint ? `${inputId}-hint` : null;
  const errorId = `${inputId}-error`;
  const defaults = tag === 'input' ? { type: 'text' } : {};
  const control = h(tag, { id: inputId, ...defaults, ...input, 'aria-describedby': hintId }, options);
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const root = h('div', { class: 'field' },
    h('label', { for: inputId }, label),
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    error,
    control);
  return { root, input: control, setError: errorSetter(control, error, hintId) };
}

/** A password input with a show/hide button; `extra` nodes (e.g. the rules) follow it. */
export function passwordField({ label, hint, describedBy, ...input }, ...extra) {
  const inputId = uid(input.name ?? 'password');
  const hintId = hint ? `${inputId}-hint` : null;
  const errorId = `${inputId}-error`;
  const describedIds = [hintId, describedBy].filter(Boolean).join(' ') || null;
  const control = h('input', {
    id: inputId, type: 'password', autocapitalize: 'none', spellcheck: 'false', ...input,
    'aria-describedby': describedIds,
  });
  // The name keeps the visible word in it ("Show" / "Show password") for voice control users.
  const toggle = h('button', {
    type: 'button', class: 'toggle', 'aria-controls': inputId, 'aria-label': word('forms.showPassword', 'Show password'),
    onclick: () => {
      const show = control.type === 'password';
      control.type = show ? 'text' : 'password';
      toggle.textContent = show ? word('forms.hide', 'Hide') : word('forms.show', 'Show');
      toggle.setAttribute('aria-label', show ? word('forms.hidePassword', 'Hide password') : word('forms.showPassword', 'Show password'));
    },
  }, word('forms.show', 'Show'));
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const root = h('div', { class: 'field' },
    h('label', { for: inputId }, label),
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    error,
    h('div', { class: 'password-row' }, control, toggle),
    ...extra);
  return { root, input: control, setError: errorSetter(control, error, describedIds) };
}

function errorSetter(control, error, describedIds) {
  return (message) => {
    if (message) {
      error.textContent = message;
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [error.id, describedIds].filter(Boolean).join(' '));
    } else {
      error.textContent = '';
      error.hidden = true;
      control.removeAttribute('aria-invalid');
      if (describedIds) control.setAttribute('aria-describedby', describedIds);
      else control.removeAttribute('aria-describedby');
    }
  };
}

/** A message at the top of a form: an error (role=alert) or a confirmation (role=status). */
export function messageBox() {
  const root = h('div', { tabindex: '-1', hidden: true });
  return {
    root,
    error(message) { show(root, 'error-summary', 'alert', message); },
    info(message) { show(root, 'status-message', 'status', message); },
    clear() { root.hidden = true; root.replaceChildren(); },
  };
}

function show(root, className, role, message) {
  root.className = className;
  root.setAttribute('role', role);
  root.replaceChildren(h('p', {}, message));
  root.hidden = false;
}

/** A submit button that can show it is working and cannot be pressed twice meanwhile. */
export function submitButton(label, busyLabel) {
  const button = h('button', { type: 'submit', class: 'button' }, label);
  return {
    button,
    async busyWhile(work) {
      button.setAttribute('aria-busy', 'true');
      button.disabled = true;
      button.textContent = busyLabel;
      try {
        return await work();
      } finally {
        button.removeAttribute('aria-busy');
        button.disabled = false;
        button.textContent = label;
      }
    },
  };
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The page's word for `key` where it loaded a dictionary (the patient portal), else English. */
function word(key, english) {
  return has(key) ? t(key) : english;
}
