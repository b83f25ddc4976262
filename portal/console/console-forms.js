// Form pieces the shared forms.js lacks, with the same wiring: label, hint and error tied to
// the control, aria-invalid on error.

import { t } from '/shared/i18n.js';
import { h, uid } from '/shared/dom.js';

function withErrors(control, hintId, parts) {
  const error = h('p', { id: `${control.id}-error`, class: 'field-error', hidden: true });
  const root = h('div', { class: 'field' }, parts.label, parts.hint, error, parts.body ?? control, ...(parts.extra ?? []));
  function setError(message) {
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    const described = [message ? error.id : null, hintId].filter(Boolean).join(' ');
    if (described) control.setAttribute('aria-describedby', described);
    else control.removeAttribute('aria-describedby');
  }
  return { root, input: control, setError };
}

/** A labelled multi-line text box. */
export function textArea({ label, hint, ...attributes }) {
  const id = uid(attributes.name ?? 'text');
  const hintId = hint ? `${id}-hint` : null;
  const control = h('textarea', { id, rows: 4, ...attributes, 'aria-describedby': hintId });
  return withErrors(control, hintId, {
    label: h('label', { for: id }, label),
    hint: hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
  });
}

/** A labelled select; `options` are [value, label] pairs. */
export function selectField({ label, hint, options, ...attributes }) {
  const id = uid(attributes.name ?? 'select');
  const hintId = hint ? `${id}-hint` : null;
  const control = h('select', { id, ...attributes, 'aria-describedby': hintId },
    options.map(([value, text]) => h('option', { value }, text)));
  return withErrors(control, hintId, {
    label: h('label', { for: id }, label),
    hint: hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
  });
}

/** A hex colour as text (typeable, pasteable) with a native colour picker beside it. */
export function colourField({ label, hint, name }) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  const control = h('input', {
    id, name, type: 'text', class: 'colour-text', spellcheck: 'false', autocapitalize: 'none',
    maxlength: 7, 'aria-describedby': hintId,
  });
  const picker = h('input', { type: 'color', class: 'colour-picker', 'aria-label': t('form.colourPicker', { label }), tabindex: '-1' });
  picker.addEventListener('input', () => {
    control.value = picker.value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
  control.addEventListener('input', () => {
    if (/^#[0-9a-f]{6}$/i.test(control.value.trim())) picker.value = control.value.trim().toLowerCase();
  });
  const field = withErrors(control, hintId, {
    label: h('label', { for: id }, label),
    hint: hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    body: h('div', { class: 'colour-row' }, picker, control),
  });
  field.sync = () => control.dispatchEvent(new Event('input'));
  return field;
}

/** A whole number input. */
export function numberField({ label, hint, ...attributes }) {
  const id = uid(attributes.name ?? 'number');
  const hintId = hint ? `${id}-hint` : null;
  const control = h('input', { id, type: 'number', inputmode: 'numeric', step: 1, ...attributes, 'aria-describedby': hintId });
  return withErrors(control, hintId, {
    label: h('label', { for: id }, label),
    hint: hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
  });
}
