// The branding editor: what patients see at /c/{slug}/, with a live preview drawn with the same
// CSS custom properties the patient portal sets (shared/branding.js).

import { h, replace } from '/shared/dom.js';
import { t } from '/shared/i18n.js';
import { field, messageBox, submitButton } from '/shared/forms.js';
import { brandVariables, safeLogoUrl } from '/shared/branding.js';
import { colourField, textArea } from '../console-forms.js';
import { TEXT } from '../text.js';
import { editorState, loadSettings, saveSettings, sectionHeader, showFlash, showProblem } from './common.js';
import { loadingSection, loadFailed } from './problems.js';

const SECTION = 'branding';

export function brandingView(app, flash) {
  app.setPage(t('nav.branding'));
  const root = h('section', { 'aria-labelledby': 'page-title', id: 'branding' },
    sectionHeader(t('nav.branding'), t('branding.lead')),
    loadingSection());
  loadSettings(app)
    .then((settings) => replace(root, sectionHeader(t('nav.branding'), t('branding.lead')),
    editor(app, settings, flash)))
    .catch((error) => replace(root, loadFailed(app, error, () => app.go(SECTION))));
  return root;
}

function editor(app, settings, flash) {
  let { version, config } = settings;
  const message = messageBox();
  showFlash(message, flash);
  const fields = {
    displayName: field({ label: t('branding.displayName'), name: 'displayName', maxlength: 80, required: true,
      hint: t('branding.displayNameHint') }),
    logoUrl: field({ label: t('branding.logoUrl'), name: 'logoUrl', required: true,
      hint: t('branding.logoUrlHint') }),
    primaryColor: colourField({ label: t('branding.primaryColor'), name: 'primaryColor',
      hint: t('branding.primaryColorHint') }),
    accentColor: colourField({ label: t('branding.accentColor'), name: 'accentColor',
      hint: t('branding.accentColorHint') }),
    supportEmail: field({ label: t('branding.supportEmail'), name: 'supportEmail', type: 'email', required: true,
      autocapitalize: 'none', spellcheck: 'false', hint: t('branding.supportEmailHint') }),
    supportPhone: field({ label: t('branding.supportPhone'), name: 'supportPhone', type: 'tel',
      hint: t('branding.supportPhoneHint') }),
    legalFooter: textArea({ label: t('branding.legalFooter'), name: 'legalFooter', maxlength: 500,
      hint: t('branding.legalFooterHint') }),
  };
  const explanations = {
    displayName: t('branding.displayNameInvalid'),
    logoUrl: t('branding.logoUrlInvalid'),
    primaryColor: t('branding.colourInvalid', { example: '#0f766e' }),
    accentColor: t('branding.colourInvalid', { example: '#f59e0b' }),
    supportEmail: t('branding.supportEmailInvalid'),
    supportPhone: t('branding.supportPhoneInvalid'),
    legalFooter: t('branding.legalFooterInvalid'),
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
    h('fieldset', {}, h('legend', {}, t('branding.nameAndLogo')), fields.displayName.root, fields.logoUrl.root),
    h('fieldset', {}, h('legend', {}, t('branding.colours')), fields.primaryColor.root, fields.accentColor.root),
    h('fieldset', {}, h('legend', {}, t('branding.contact')),
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
    h('figcaption', {}, h('strong', {}, t('branding.preview')), ' ', t('branding.previewOf')),
    frame);
  return {
    root,
    show(values) {
      for (const [name, value] of Object.entries(brandVariables(values))) frame.style.setProperty(name, value);
      const logo = safeLogoUrl(values.logoUrl);
      replace(frame,
        h('div', { class: 'site-header' }, h('div', { class: 'site-header__inner' },
          logo ? h('img', { class: 'site-header__logo', src: logo, alt: '' }) : null,
          h('p', { class: 'site-header__name', id: 'preview-name' }, values.displayName || t('branding.previewClinic')))),
        h('div', { class: 'brand-preview__main' },
          h('p', { class: 'brand-preview__title' }, t('branding.previewSignIn')),
          h('p', { class: 'lead' }, t('branding.previewLead', { clinic: values.displayName || t('branding.previewYourClinic') })),
          h('div', { class: 'card' },
            h('p', { class: 'brand-preview__label' }, t('branding.previewEmail')),
            h('div', { class: 'brand-preview__input' }),
            h('span', { class: 'button', id: 'preview-button' }, t('branding.previewSignIn'))),
          h('p', { class: 'aside' }, t('branding.previewNew'), ' ', h('span', { class: 'brand-preview__link' }, t('branding.previewCreate')))),
        h('div', { class: 'site-footer' }, h('div', { class: 'site-footer__inner' },
          values.supportEmail ? h('p', {}, t('branding.previewQuestions'), ' ', h('span', { class: 'brand-preview__link' }, values.supportEmail)) : null,
          values.legalFooter ? h('p', {}, values.legalFooter) : null)));
    },
  };
}
