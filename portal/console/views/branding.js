// The branding editor: what patients see at /c/{slug}/, with a live preview drawn with the same
// CSS custom properties the patient portal sets (shared/branding.js).

import { h, replace } from '/shared/dom.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { brandVariables, safeLogoUrl } from '/shared/branding.js';
import { colourField, textArea } from '../console-forms.js';
import { TEXT } from '../text.js';
import { editorState, loadSettings, saveSettings, sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

const SECTION = 'branding';

export function brandingView(app, flash) {
  app.setPage('Branding');
  const root = h('section', { 'aria-labelledby': 'page-title', id: 'branding' },
    sectionHeader('Branding', 'How your clinic’s patient portal looks: name, logo, colours and contact details.'),
    loadingSection());
  loadSettings(app)
    .then((settings) => replace(root, sectionHeader('Branding',
      'How your clinic’s patient portal looks: name, logo, colours and contact details.'),
    editor(app, settings, flash)))
    .catch((error) => replace(root, loadFailed(app, error, () => app.go(SECTION))));
  return root;
}

function editor(app, settings, flash) {
  let { version, config } = settings;
  const message = messageBox();
  showFlash(message, flash);
  const fields = {
    displayName: field({ label: 'Clinic name', name: 'displayName', maxlength: 80, required: true,
      hint: 'Shown at the top of every page and in emails.' }),
    logoUrl: field({ label: 'Logo address', name: 'logoUrl', required: true,
      hint: 'A path on this site (/brands/...) or an https:// address. Square logos look best.' }),
    primaryColor: colourField({ label: 'Main colour', name: 'primaryColor',
      hint: 'The header and buttons, as # and six hex digits. Text on it is chosen to stay readable.' }),
    accentColor: colourField({ label: 'Accent colour', name: 'accentColor',
      hint: 'The line under the header and highlights.' }),
    supportEmail: field({ label: 'Support email', name: 'supportEmail', type: 'email', required: true,
      autocapitalize: 'none', spellcheck: 'false', hint: 'Where patients write with questions about their account.' }),
    supportPhone: field({ label: 'Support phone (optional)', name: 'supportPhone', type: 'tel',
      hint: 'Digits, spaces, brackets and dashes; an optional + at the start.' }),
    legalFooter: textArea({ label: 'Legal footer', name: 'legalFooter', maxlength: 500,
      hint: 'At the bottom of every page: your registered name, regulator and emergency advice. Up to 500 characters.' }),
  };
  const explanations = {
    displayName: 'Enter the clinic’s name: 2 to 80 characters.',
    logoUrl: 'Enter a path starting with / or an address starting with https://, without spaces.',
    primaryColor: 'Enter a colour as # and six hex digits, like #0f766e.',
    accentColor: 'Enter a colour as # and six hex digits, like #f59e0b.',
    supportEmail: 'Enter an email address, like help@clinic.example.',
    supportPhone: 'Use digits, spaces, brackets and dashes (6 to 20), with an optional + at the start.',
    legalFooter: 'Keep the footer to 500 characters or fewer.',
  };
  for (const [name, f] of Object.entries(fields)) f.explain = explanations[name];

  const state = editorState(app, SECTION, settings);
  fill(fields, state.values ?? valuesOf(config));
  if (state.restored) message.info(TEXT.draftRestored);

  const preview = previewOf();
  const update = () => {
    const values = read(fields);
    app.drafts[SECTION] = { version, values };
    preview.show(values);
  };
  update();
  if (!state.restored) delete app.drafts[SECTION];

  const submit = submitButton(TEXT.save, TEXT.saving);
  const form = h('form', { class: 'form', novalidate: true, id: 'branding-form' },
    message.root,
    h('fieldset', {}, h('legend', {}, 'Name and logo'), fields.displayName.root, fields.logoUrl.root),
    h('fieldset', {}, h('legend', {}, 'Colours'), fields.primaryColor.root, fields.accentColor.root),
    h('fieldset', {}, h('legend', {}, 'Contact and footer'),
      fields.supportEmail.root, fields.supportPhone.root, fields.legalFooter.root),
    h('div', { class: 'actions actions--inline' }, submit.button));
  form.addEventListener('input', update);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    for (const f of Object.values(fields)) f.setError(null);
    const values = read(fields);
    const next = structuredClone(config);
    next.displayName = values.displayName;
    next.branding = { ...next.branding, ...values };
    delete next.branding.displayName;
    if (!values.supportPhone) delete next.branding.supportPhone;
    await submit.busyWhile(async () => {
      try {
        const saved = await saveSettings(app, version, next);
        ({ version, config } = saved);
        delete app.drafts[SECTION];
        message.info(TEXT.saved);
        message.root.focus();
      } catch (caught) {
        showProblem(caught, {
          message,
          fields: pointers(fields),
          onConflict: () => conflict(app, message),
        });
      }
    });
  });

  return h('div', { class: 'editor-with-preview' }, form, preview.root);
}

function pointers(fields) {
  const map = { '/config/displayName': fields.displayName };
  for (const name of ['logoUrl', 'primaryColor', 'accentColor', 'supportEmail', 'supportPhone', 'legalFooter']) {
    map[`/config/branding/${name}`] = fields[name];
  }
  return map;
}

/** 409: someone saved meanwhile. The draft stays (same version) until the admin reloads. */
export function conflict(app, message) {
  message.error(TEXT.conflict);
  const reload = h('button', { type: 'button', class: 'button button--secondary', id: 'reload-settings',
    onclick: () => {
      delete app.drafts[window.location.hash.slice(1)];
      app.go(window.location.hash.slice(1));
    } }, TEXT.reload);
  message.root.append(reload);
  message.root.focus();
}

function valuesOf(config) {
  const b = config.branding ?? {};
  return {
    displayName: config.displayName ?? '', logoUrl: b.logoUrl ?? '', primaryColor: b.primaryColor ?? '',
    accentColor: b.accentColor ?? '', supportEmail: b.supportEmail ?? '', supportPhone: b.supportPhone ?? '',
    legalFooter: b.legalFooter ?? '',
  };
}

function fill(fields, values) {
  for (const [name, f] of Object.entries(fields)) {
    f.input.value = values[name] ?? '';
    f.sync?.();
  }
}

function read(fields) {
  const values = {};
  for (const [name, f] of Object.entries(fields)) values[name] = f.input.value.trim();
  return values;
}

/** A miniature of the patient portal's sign-in page, in the clinic's colours. */
function previewOf() {
  const frame = h('div', { class: 'brand-preview', id: 'brand-preview' });
  const root = h('figure', { class: 'preview-panel' },
    h('figcaption', {}, h('strong', {}, 'Live preview'), ' of your patient portal’s sign-in page'),
    frame);
  return {
    root,
    show(values) {
      for (const [name, value] of Object.entries(brandVariables(values))) frame.style.setProperty(name, value);
      const logo = safeLogoUrl(values.logoUrl);
      replace(frame,
        h('div', { class: 'site-header' }, h('div', { class: 'site-header__inner' },
          logo ? h('img', { class: 'site-header__logo', src: logo, alt: '' }) : null,
          h('p', { class: 'site-header__name', id: 'preview-name' }, values.displayName || 'Your clinic'))),
        h('div', { class: 'brand-preview__main' },
          h('p', { class: 'brand-preview__title' }, 'Sign in'),
          h('p', { class: 'lead' }, `Send photos of a skin concern to ${values.displayName || 'your clinic'}’s dermatologists.`),
          h('div', { class: 'card' },
            h('p', { class: 'brand-preview__label' }, 'Email'),
            h('div', { class: 'brand-preview__input' }),
            h('span', { class: 'button', id: 'preview-button' }, 'Sign in')),
          h('p', { class: 'aside' }, 'New here? ', h('span', { class: 'brand-preview__link' }, 'Create an account'))),
        h('div', { class: 'site-footer' }, h('div', { class: 'site-footer__inner' },
          values.supportEmail ? h('p', {}, 'Questions? ', h('span', { class: 'brand-preview__link' }, values.supportEmail)) : null,
          values.legalFooter ? h('p', {}, values.legalFooter) : null)));
    },
  };
}
