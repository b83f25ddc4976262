// The patient portal's form pieces beyond shared/forms.js: radio groups that read as big buttons
// on a phone, yes/no questions, text areas, and the wiring that puts an API problem's field
// errors (JSON pointers) next to the right question.

import { h, uid } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

/**
 * A question with one answer from a few: a fieldset of radio buttons.
 * @returns {{root, value(): string|null, focus(), setError(message|null)}}
 */
export function choiceGroup({ name, legend, hint, options, value = null, columns = false }) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const inputs = options.map((option) => {
    const input = h('input', {
      type: 'radio', name, value: option.value, id: `${id}-${option.value}`,
      checked: String(option.value) === String(value),
    });
    return { input, label: h('label', { for: input.id, class: 'choice' }, input,
      option.before ?? null, h('span', {}, option.label, option.hint ? h('small', {}, option.hint) : null)) };
  });
  const root = h('fieldset', { class: 'field question', 'data-question': name, 'aria-describedby': hintId },
    h('legend', {}, legend),
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    error,
    h('div', { class: columns ? 'choices choices--row' : 'choices' }, inputs.map((i) => i.label)));
  return {
    root,
    inputs: inputs.map((i) => i.input),
    value() {
      return inputs.find((i) => i.input.checked)?.input.value ?? null;
    },
    focus() {
      (inputs.find((i) => i.input.checked) ?? inputs[0]).input.focus();
    },
    setError(message) {
      error.hidden = !message;
      error.textContent = message ?? '';
      root.setAttribute('aria-describedby', [message ? errorId : null, hintId].filter(Boolean).join(' '));
      root.classList.toggle('question--invalid', Boolean(message));
    },
  };
}

/** A yes/no question whose value is true, false or null (not answered). */
export function yesNo({ name, legend, hint, value }) {
  const group = choiceGroup({
    name, legend, hint, columns: true,
    value: value === true ? 'yes' : value === false ? 'no' : null,
    options: [{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }],
  });
  const raw = group.value;
  return { ...group, value: () => ({ yes: true, no: false })[raw()] ?? null };
}

/** A labelled textarea. */
export function textArea({ name, label, hint, value = '', maxlength, rows = 4 }) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const control = h('textarea', { id, name, rows, maxlength, 'aria-describedby': hintId });
  control.value = value ?? '';
  const root = h('div', { class: 'field', 'data-question': name },
    h('label', { for: id }, label), hint ? h('p', { id: hintId, class: 'hint' }, hint) : null, error, control);
  return {
    root,
    input: control,
    value: () => control.value.trim(),
    focus: () => control.focus(),
    setError(message) {
      error.hidden = !message;
      error.textContent = message ?? '';
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      control.setAttribute('aria-describedby', [message ? error.id : null, hintId].filter(Boolean).join(' '));
    },
  };
}

/**
 * Shows the API's field errors next to the questions they name.
 * @param errors [{pointer, detail}] from ApiError.errors
 * @param fields {pointer: widget with setError/focus}; a pointer matches its own field or a child
 * @returns the pointers no field on this page owns
 */
export function showFieldErrors(errors, fields) {
  const unowned = [];
  let first = null;
  for (const { pointer } of errors) {
    const owner = Object.keys(fields)
      .filter((p) => pointer === p || pointer.startsWith(`${p}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (owner) {
      fields[owner].setError(t('errors.field'));
      first = first ?? fields[owner];
    } else {
      unowned.push(pointer);
    }
  }
  first?.focus();
  return unowned;
}

/** A calm placeholder while a view loads its data. */
export function loading() {
  return h('div', { class: 'loading', role: 'status' }, h('p', {}, t('common.loading')));
}

/** "Step 2 of 7: Where is it?" above a wizard page, as text and a bar. */
export function stepHeader(number, total, title) {
  return h('div', { class: 'step-header' },
    h('p', { class: 'step-header__count' }, t('wizard.stepOf', { number, total })),
    h('progress', { class: 'step-header__bar', max: total, value: number, 'aria-hidden': 'true' }),
    h('h1', { id: 'page-title', tabindex: '-1' }, title));
}
